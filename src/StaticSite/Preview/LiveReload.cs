using System.Collections.Concurrent;
using System.Reflection;
using System.Threading.Channels;
using Microsoft.AspNetCore.Http;

namespace StaticSite.Preview;

/// <summary>
/// Preview-only live reload: pages served by <c>serve</c> get one external script (so the strict
/// Content-Security-Policy holds) that listens on a server-sent-events stream from the same host
/// and reloads the page after each rebuild. Nothing of this is ever written to the output folder.
/// Each open stream waits on its own channel, so open pages never hold up other requests.
/// </summary>
public sealed class LiveReload(string basePath)
{
    private static readonly Lazy<byte[]> Script = new(() => Resource("StaticSite.Preview.LiveReload.js"));

    private readonly ConcurrentDictionary<Guid, Channel<string>> _clients = new();
    private volatile bool _closed;

    public string ScriptPath => basePath + "_preview/live-reload.js";

    public string EventsPath => basePath + "_preview/events";

    /// <summary>The tag added before <c>&lt;/body&gt;</c> of every page served.</summary>
    public string ScriptTag => $"<script src=\"{ScriptPath}\" data-events=\"{EventsPath}\" defer></script>";

    /// <summary>How many pages are listening now.</summary>
    public int OpenStreams => _clients.Count;

    /// <summary>Answers the script and event-stream requests; false for every other request.</summary>
    public async Task<bool> TryHandleAsync(HttpContext context)
    {
        var path = context.Request.PathBase + context.Request.Path;
        if (path == ScriptPath)
        {
            context.Response.ContentType = "text/javascript; charset=utf-8";
            context.Response.ContentLength = Script.Value.Length;
            if (!HttpMethods.IsHead(context.Request.Method))
            {
                await context.Response.Body.WriteAsync(Script.Value, context.RequestAborted);
            }

            return true;
        }

        if (path != EventsPath)
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
    public void Notify()
    {
        foreach (var client in _clients.Values)
        {
            client.Writer.TryWrite("data: reload\n\n");
        }
    }

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
