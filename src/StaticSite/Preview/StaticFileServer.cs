using System.Net;
using System.Net.Sockets;
using StaticSite.Content;

namespace StaticSite.Preview;

/// <summary>
/// A small static file server on 127.0.0.1, serving a folder under a base path the way Netlify
/// and GitHub Pages do: <c>/x/</c> serves <c>index.html</c>, unknown paths get <c>404.html</c>
/// with status 404. Used by <c>serve</c> and by the tests; optional extra response headers let
/// tests serve pages with the production Content-Security-Policy.
/// </summary>
public sealed class StaticFileServer : IDisposable
{
    private readonly HttpListener _listener;
    private readonly string _root;
    private readonly string _basePath;
    private readonly IReadOnlyDictionary<string, string> _headers;
    private readonly Thread _thread;
    private readonly LiveReload? _liveReload;

    private StaticFileServer(HttpListener listener, string root, string basePath, int port, IReadOnlyDictionary<string, string> headers, LiveReload? liveReload)
    {
        _liveReload = liveReload;
        _listener = listener;
        _root = Path.GetFullPath(root);
        _basePath = basePath;
        _headers = headers;
        Port = port;
        _thread = new Thread(Loop) { IsBackground = true, Name = "static-file-server" };
        _thread.Start();
    }

    public int Port { get; }

    public string RootUrl => $"http://127.0.0.1:{Port}{_basePath}";

    /// <summary>Starts serving; port 0 picks a free port. With <paramref name="liveReload"/>, pages reload after rebuilds.</summary>
    public static StaticFileServer Start(string root, string basePath, int port = 0, IReadOnlyDictionary<string, string>? headers = null, LiveReload? liveReload = null)
    {
        if (port == 0)
        {
            using var probe = new TcpListener(IPAddress.Loopback, 0);
            probe.Start();
            port = ((IPEndPoint)probe.LocalEndpoint).Port;
            probe.Stop();
        }

        var listener = new HttpListener();
        listener.Prefixes.Add($"http://127.0.0.1:{port}/");
        listener.Start();
        return new StaticFileServer(listener, root, basePath, port, headers ?? new Dictionary<string, string>(), liveReload);
    }

    private void Loop()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = _listener.GetContext();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            ThreadPool.QueueUserWorkItem(_ => Serve(context));
        }
    }

    private void Serve(HttpListenerContext context)
    {
        if (_liveReload?.TryHandle(context) == true)
        {
            return;
        }

        var response = context.Response;
        try
        {
            foreach (var (name, value) in _headers)
            {
                response.Headers[name] = value;
            }

            var path = Uri.UnescapeDataString(context.Request.Url?.AbsolutePath ?? "/");
            var file = Resolve(path);
            if (file is null && path + "/" == _basePath)
            {
                response.Redirect(_basePath);
                response.StatusCode = 301;
                return;
            }

            if (file is null && !path.EndsWith('/') && Resolve(path + "/") is not null)
            {
                response.StatusCode = 301;
                response.RedirectLocation = path + "/";
                return;
            }

            if (file is null)
            {
                response.StatusCode = 404;
                file = Path.Combine(_root, "404.html");
                if (!File.Exists(file))
                {
                    return;
                }
            }

            var bytes = File.ReadAllBytes(file);
            if (_liveReload is not null && file.EndsWith(".html", StringComparison.Ordinal))
            {
                bytes = _liveReload.Inject(bytes);
            }

            response.ContentType = ContentType(file);
            response.ContentLength64 = bytes.Length;
            if (context.Request.HttpMethod != "HEAD")
            {
                response.OutputStream.Write(bytes);
            }
        }
        catch (Exception e) when (e is IOException or HttpListenerException)
        {
            // The client went away; nothing to tell it.
        }
        finally
        {
            try
            {
                response.Close();
            }
            catch (Exception e) when (e is IOException or HttpListenerException or ObjectDisposedException)
            {
                // already closed by the client
            }
        }
    }

    private string? Resolve(string urlPath)
    {
        if (!urlPath.StartsWith(_basePath, StringComparison.Ordinal))
        {
            return null;
        }

        var relative = SitePaths.OutputFileFor(urlPath[_basePath.Length..]);
        var full = Path.GetFullPath(Path.Combine(_root, relative));
        return full.StartsWith(_root + Path.DirectorySeparatorChar, StringComparison.Ordinal) && File.Exists(full) ? full : null;
    }

    public static string ContentType(string file) => Path.GetExtension(file).ToLowerInvariant() switch
    {
        ".html" => "text/html; charset=utf-8",
        ".css" => "text/css; charset=utf-8",
        ".js" => "text/javascript; charset=utf-8",
        ".json" => "application/json",
        ".xml" => "application/xml; charset=utf-8",
        ".svg" => "image/svg+xml",
        ".png" => "image/png",
        ".jpg" or ".jpeg" => "image/jpeg",
        ".webp" => "image/webp",
        ".txt" => "text/plain; charset=utf-8",
        ".ico" => "image/x-icon",
        _ => "application/octet-stream",
    };

    public void Dispose()
    {
        _liveReload?.Close();
        _listener.Stop();
        _listener.Close();
    }
}
