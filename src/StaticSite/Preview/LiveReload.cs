using System.Collections.Concurrent;
using System.Reflection;
using System.Threading.Channels;
using Microsoft.AspNetCore.Http;

namespace StaticSite.Preview;

/// <summary>
/// Preview-only live reload: pages served by <c>serve</c> get one external script (so the strict
/// Content-Security-Policy holds) that listens on a server-sent-events stream from the same host
/// and reloads the page after each rebuild, or moves it when the site's base path changes.
/// Nothing of this is ever written to the output folder. Each open stream waits on its own
/// channel, so open pages never hold up other requests. Its paths are inside the site, so they
/// follow the base path the server has now.
/// </summary>
public sealed class LiveReload
{
    /// <summary>The script, relative to the site's base path.</summary>
    public const string ScriptPath = "_preview/live-reload.js";

    /// <summary>The event stream, relative to the site's base path.</summary>
    public const string EventsPath = "_preview/events";

    /// <summary>The event that sends open pages to the same page under a new base path.</summary>
    public const string BasePathEvent = "base-path";

    private static readonly Lazy<byte[]> Script = new(() => Resource("StaticSite.Preview.LiveReload.js"));

    private readonly ConcurrentDictionary<Guid, Channel<string>> _clients = new();
    private volatile bool _closed;

    /// <summary>The tag added before <c>&lt;/body&gt;</c> of every page served under <paramref name="basePath"/>.</summary>
    public static string ScriptTag(string basePath) => $"<script src=\"{basePath}{ScriptPath}\" data-events=\"{basePath}{EventsPath}\" defer></script>";

    /// <summary>How many pages are listening now.</summary>
    public int OpenStreams => _clients.Count;

    /// <summary>
    /// Answers the script and event-stream requests; false for every other request. The
    /// request's <see cref="HttpRequest.Path"/> is the path inside the site: the server has
    /// moved the base path into <see cref="HttpRequest.PathBase"/>.
    /// </summary>
    public async Task<bool> TryHandleAsync(HttpContext context)
    {
        var path = context.Request.Path;
        if (path == "/" + ScriptPath)
        {
            context.Response.ContentType = "text/javascript; charset=utf-8";
            context.Response.ContentLength = Script.Value.Length;
            if (!HttpMethods.IsHead(context.Request.Method))
            {
                await context.Response.Body.WriteAsync(Script.Value, context.RequestAborted);
            }

            return true;
        }

        if (path != "/" + EventsPath)
        {
            return false;
        }

        var response = context.Response;
        response.ContentType = "text/event-stream";
        response.Headers.CacheControl = "no-cache";
        var id = Guid.NewGuid();
        var messages = Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleReader = true });
        // Registered before the greeting goes out, so a rebuild right after it is not missed.
        _clients[id] = messages;
        if (_closed)
        {
            messages.Writer.TryComplete();
        }

        try
        {
            await response.WriteAsync(": connected\n\n", context.RequestAborted);
            await response.Body.FlushAsync(context.RequestAborted);
            await foreach (var message in messages.Reader.ReadAllAsync(context.RequestAborted))
            {
                await response.WriteAsync(message, context.RequestAborted);
                await response.Body.FlushAsync(context.RequestAborted);
            }
        }
        catch (Exception e) when (e is OperationCanceledException or IOException)
        {
            // the page was closed or reloaded
        }
        finally
        {
            _clients.TryRemove(id, out _);
        }

        return true;
    }

    /// <summary>Tells every open page to reload. Never waits on a page.</summary>
    public void Notify() => Send("data: reload\n\n");

    private void Send(string message)
    {
        foreach (var client in _clients.Values)
        {
            client.Writer.TryWrite(message);
        }
    }

    /// <summary>
    /// Tells every open page the site now lives under <paramref name="basePath"/>: each goes to
    /// the same page there, as the author would have typed it, since the old address is gone.
    /// </summary>
    public void Moved(string basePath) => Send($"event: {BasePathEvent}\ndata: {basePath}\n\n");

    /// <summary>Ends every open event stream, so the server can stop without waiting on them.</summary>
    public void Close()
    {
        _closed = true;
        foreach (var (id, client) in _clients)
        {
            client.Writer.TryComplete();
            _clients.TryRemove(id, out _);
        }
    }

    internal static byte[] Resource(string name)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"resource {name} is missing from the build");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
