using System.Collections.Concurrent;
using System.Net;
using System.Text;

namespace StaticSite.Preview;

/// <summary>
/// Preview-only live reload: pages served by <c>serve</c> get one extra script that listens on
/// a server-sent-events stream and reloads the page after each successful rebuild. Nothing of
/// this is ever written to the output folder.
/// </summary>
public sealed class LiveReload(string basePath)
{
    private const string Script = "new EventSource(document.currentScript.dataset.events).onmessage = function () { location.reload(); };\n";

    private readonly ConcurrentDictionary<Guid, HttpListenerResponse> _clients = new();

    private string ScriptPath => basePath + "_preview/live-reload.js";

    private string EventsPath => basePath + "_preview/events";

    /// <summary>Answers the script and event-stream requests; false for every other request.</summary>
    public bool TryHandle(HttpListenerContext context)
    {
        var path = context.Request.Url?.AbsolutePath;
        if (path == ScriptPath)
        {
            var bytes = Encoding.UTF8.GetBytes(Script);
            context.Response.ContentType = "text/javascript; charset=utf-8";
            context.Response.OutputStream.Write(bytes);
            context.Response.Close();
            return true;
        }

        if (path == EventsPath)
        {
            var response = context.Response;
            response.ContentType = "text/event-stream";
            response.SendChunked = true;
            response.Headers["Cache-Control"] = "no-cache";
            // Registered before the greeting goes out, so a rebuild right after it is not missed.
            var id = Guid.NewGuid();
            _clients[id] = response;
            if (!Send(response, ": connected\n\n"))
            {
                _clients.TryRemove(id, out _);
            }

            return true;
        }

        return false;
    }

    /// <summary>Adds the reload script to an HTML page as it is served.</summary>
    public byte[] Inject(byte[] html)
    {
        var text = Encoding.UTF8.GetString(html);
        var tag = $"<script src=\"{ScriptPath}\" data-events=\"{EventsPath}\" defer></script>";
        var at = text.LastIndexOf("</body>", StringComparison.OrdinalIgnoreCase);
        return Encoding.UTF8.GetBytes(at < 0 ? text + tag : text.Insert(at, tag));
    }

    /// <summary>Tells every open page to reload.</summary>
    public void Notify()
    {
        foreach (var (id, response) in _clients)
        {
            if (!Send(response, "data: reload\n\n"))
            {
                _clients.TryRemove(id, out _);
            }
        }
    }

    /// <summary>Ends every open event stream, so the server can stop without waiting on them.</summary>
    public void Close()
    {
        foreach (var (id, response) in _clients)
        {
            _clients.TryRemove(id, out _);
            try
            {
                response.Abort();
            }
            catch (Exception e) when (e is IOException or HttpListenerException or ObjectDisposedException)
            {
                // already gone
            }
        }
    }

    private static bool Send(HttpListenerResponse response, string message)
    {
        try
        {
            var bytes = Encoding.UTF8.GetBytes(message);
            // One writer at a time: a greeting and a reload written together garble the chunks.
            lock (response)
            {
                response.OutputStream.Write(bytes);
                response.OutputStream.Flush();
            }

            return true;
        }
        catch (Exception e) when (e is IOException or HttpListenerException or ObjectDisposedException or InvalidOperationException)
        {
            return false; // the page was closed
        }
    }
}
