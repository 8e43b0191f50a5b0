using System.Net;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Logging;

namespace StaticSite.Preview;

/// <summary>How to serve one output folder.</summary>
public sealed record StaticFileServerOptions
{
    /// <summary>The output folder; nothing outside it is ever served.</summary>
    public required string Root { get; init; }

    /// <summary>The path the site lives under at the start, e.g. <c>/</c> or <c>/repo/</c>; see <see cref="StaticFileServer.MoveTo"/>.</summary>
    public string BasePath { get; init; } = "/";

    /// <summary>0 picks a free port.</summary>
    public int Port { get; init; }

    /// <summary>Response headers by path, as netlify.toml gives them to production.</summary>
    public NetlifyHeaders Headers { get; init; } = NetlifyHeaders.None;

    /// <summary>With it, every page gets the reload script and open pages reload after rebuilds.</summary>
    public LiveReload? LiveReload { get; init; }

    /// <summary>With it, every page starts with the last build's errors while it has any.</summary>
    public BuildStatus? Status { get; init; }
}

/// <summary>
/// Serves a folder under a base path on 127.0.0.1 the way Netlify and GitHub Pages do:
/// <c>/x/</c> serves <c>x/index.html</c>, <c>/x</c> redirects to <c>/x/</c>, unknown paths get
/// <c>404.html</c> with status 404, and each response gets the headers netlify.toml gives it.
/// Kestrel with ASP.NET Core's static-file middleware over a <see cref="PhysicalFileProvider"/>,
/// which refuses paths that climb out of the folder; pages pass through one small step that adds
/// the preview's script and error panel. The base path is read once per request, so it can
/// change while serving (site.yml edited) without a restart. Used by <c>serve</c> and by the tests.
/// </summary>
public sealed class StaticFileServer : IDisposable
{
    /// <summary>Netlify's own Cache-Control for anything netlify.toml gives none: revalidate every time.</summary>
    public const string DefaultCacheControl = "public, max-age=0, must-revalidate";

    private readonly WebApplication _app;
    private readonly ContainedFileProvider _files;
    private readonly StaticFileServerOptions _options;
    private readonly PageResponder _pages;

    private StaticFileServer(WebApplication app, ContainedFileProvider files, StaticFileServerOptions options, PageResponder pages, IReadOnlyList<string> addresses)
    {
        _app = app;
        _files = files;
        _options = options;
        _pages = pages;
        ListeningOn = addresses;
        Port = new Uri(addresses[0]).Port;
    }

    public int Port { get; }

    /// <summary>The addresses Kestrel is bound to: 127.0.0.1 and nothing else.</summary>
    public IReadOnlyList<string> ListeningOn { get; }

    /// <summary>The path the site is served under now.</summary>
    public string BasePath => _pages.BasePath;

    public string RootUrl => $"http://127.0.0.1:{Port}{BasePath}";

    /// <summary>
    /// Serves the site under <paramref name="basePath"/> from the next request on, on the same
    /// port, and sends open pages there; the old base path answers 404, as production would.
    /// </summary>
    public void MoveTo(string basePath)
    {
        _pages.BasePath = basePath;
        _options.LiveReload?.Moved(basePath);
    }

    /// <summary>Starts serving; port 0 picks a free port. <paramref name="headers"/> go on every response.</summary>
    public static StaticFileServer Start(string root, string basePath, int port = 0, IReadOnlyDictionary<string, string>? headers = null, LiveReload? liveReload = null) =>
        Start(new StaticFileServerOptions
        {
            Root = root,
            BasePath = basePath,
            Port = port,
            Headers = NetlifyHeaders.Everywhere(headers ?? new Dictionary<string, string>()),
            LiveReload = liveReload,
        });

    /// <summary>Starts serving. Throws <see cref="IOException"/> when the port is taken.</summary>
    public static StaticFileServer Start(StaticFileServerOptions options)
    {
        var root = Path.GetFullPath(options.Root);
        // The folder may not exist yet (a first build that failed); serve it once it does.
        Directory.CreateDirectory(root);
        var files = new ContainedFileProvider(root);
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions { ContentRootPath = root });
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel =>
        {
            // Loopback only: the preview is for the author's own browser, never the network.
            kestrel.Listen(IPAddress.Loopback, options.Port);
            kestrel.AddServerHeader = false;
        });
        builder.Services.AddSingleton<ILoggerFactory, Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory>();
        var app = builder.Build();
        var pages = new PageResponder(files, options) { BasePath = options.BasePath };

        app.Use(async (context, next) =>
        {
            var request = context.Request;
            var basePath = pages.BasePath;
            pages.AddHeaders(context, basePath);
            if (!request.Path.StartsWithSegments(basePath.TrimEnd('/'), out var sitePath))
            {
                await pages.NotFoundAsync(context, basePath);
                return;
            }

            // From here on Path is the path inside the site and PathBase the base path this
            // request was served under, so a change of base path mid-request changes nothing.
            request.PathBase = basePath.TrimEnd('/');
            request.Path = sitePath;
            if (request.Path == "/" + ErrorPanel.StylesheetPath)
            {
                context.Response.ContentType = "text/css; charset=utf-8";
                await context.Response.Body.WriteAsync(ErrorPanel.Stylesheet, context.RequestAborted);
                return;
            }

            if (options.LiveReload is { } liveReload && await liveReload.TryHandleAsync(context))
            {
                return;
            }

            await next(context);
        });
        app.Use(async (context, next) =>
        {
            if (!pages.TryRedirectToFolder(context))
            {
                await next(context);
            }
        });
        app.UseDefaultFiles(new DefaultFilesOptions
        {
            FileProvider = files,
            DefaultFileNames = ["index.html"],
            // Done above, with a Location relative to the host as Netlify sends it.
            RedirectToAppendTrailingSlash = false,
        });
        app.Use(async (context, next) =>
        {
            if (!await pages.TryServeAsync(context))
            {
                await next(context);
            }
        });
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = files,
            ContentTypeProvider = ContentTypes(),
            // Every file the build writes can be fetched in preview, even one with no known
            // extension (_redirects), as raw bytes.
            ServeUnknownFileTypes = true,
            DefaultContentType = "application/octet-stream",
        });
        app.Run(context => pages.NotFoundAsync(context, PageResponder.BasePathOf(context)));

        try
        {
            app.StartAsync().GetAwaiter().GetResult();
        }
        catch
        {
            app.DisposeAsync().AsTask().GetAwaiter().GetResult();
            files.Dispose();
            throw;
        }

        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.ToList();
        return new StaticFileServer(app, files, options, pages, addresses);
    }

    /// <summary>ASP.NET Core's table, with the charset on text so pages never depend on sniffing.</summary>
    private static FileExtensionContentTypeProvider ContentTypes()
    {
        var types = new FileExtensionContentTypeProvider();
        types.Mappings[".html"] = "text/html; charset=utf-8";
        types.Mappings[".css"] = "text/css; charset=utf-8";
        types.Mappings[".js"] = "text/javascript; charset=utf-8";
        types.Mappings[".xml"] = "application/xml; charset=utf-8";
        types.Mappings[".txt"] = "text/plain; charset=utf-8";
        types.Mappings[".svg"] = "image/svg+xml";
        return types;
    }

    public void Dispose()
    {
        _options.LiveReload?.Close();
        using (var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5)))
        {
            _app.StopAsync(timeout.Token).GetAwaiter().GetResult();
        }

        _app.DisposeAsync().AsTask().GetAwaiter().GetResult();
        _files.Dispose();
    }

    /// <summary>Pages (HTML) and the 404 page, with the preview's additions; the headers on every response.</summary>
    private sealed class PageResponder(ContainedFileProvider files, StaticFileServerOptions options)
    {
        private volatile string _basePath = "/";
        private const string MissingNotFoundPage = """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>Page not found</title>
            </head>
            <body>
            <main>
            <h1>Page not found</h1>
            <p>There is no page here, and the site has no 404.html yet.</p>
            </main>
            </body>
            </html>
            """;

        /// <summary>The base path now; each request reads it once.</summary>
        public required string BasePath
        {
            get => _basePath;
            set => _basePath = value;
        }

        /// <summary>The base path a request under the site was served under (its PathBase, which the first step set).</summary>
        public static string BasePathOf(HttpContext context) => (context.Request.PathBase.Value ?? "") + "/";

        public void AddHeaders(HttpContext context, string basePath)
        {
            var path = context.Request.Path.Value ?? "/";
            var trimmed = basePath.TrimEnd('/');
            var sitePath = path.StartsWith(trimmed + "/", StringComparison.Ordinal) ? path[trimmed.Length..] : path;
            var headers = context.Response.Headers;
            foreach (var (name, value) in options.Headers.For(sitePath))
            {
                headers[name] = name.Equals("Content-Security-Policy", StringComparison.OrdinalIgnoreCase) && options.LiveReload is not null
                    ? AllowEventStream(value)
                    : value;
            }

            if (!headers.ContainsKey("Cache-Control"))
            {
                headers.CacheControl = DefaultCacheControl;
            }
        }

        /// <summary>
        /// The one thing the preview adds to the production policy: its reload script listens on
        /// an event stream from the same host, which <c>default-src 'none'</c> would block.
        /// </summary>
        public static string AllowEventStream(string policy)
        {
            var directives = policy.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToList();
            var connect = directives.FindIndex(d => d.Equals("connect-src", StringComparison.OrdinalIgnoreCase) || d.StartsWith("connect-src ", StringComparison.OrdinalIgnoreCase));
            if (connect < 0)
            {
                directives.Add("connect-src 'self'");
            }
            else if (!directives[connect].Contains("'self'", StringComparison.OrdinalIgnoreCase))
            {
                directives[connect] = directives[connect].Replace("'none'", "", StringComparison.OrdinalIgnoreCase).TrimEnd() + " 'self'";
            }

            return string.Join("; ", directives);
        }

        /// <summary><c>/x</c> → 301 to <c>/x/</c> when <c>x/index.html</c> exists, as Netlify's pretty URLs do.</summary>
        public bool TryRedirectToFolder(HttpContext context)
        {
            var request = context.Request;
            var path = request.Path.Value ?? "";
            if (!(HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
                || path.EndsWith('/'))
            {
                return false;
            }

            var index = files.GetFileInfo(path + "/index.html");
            if (!index.Exists || index.IsDirectory)
            {
                return false;
            }

            context.Response.StatusCode = StatusCodes.Status301MovedPermanently;
            context.Response.Headers.Location = request.PathBase + request.Path + "/" + request.QueryString;
            return true;
        }

        /// <summary>Serves an HTML file under the base path with the preview's additions; false for anything else.</summary>
        public async Task<bool> TryServeAsync(HttpContext context)
        {
            var request = context.Request;
            var path = request.Path.Value;
            if (!(HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
                || path?.EndsWith(".html", StringComparison.OrdinalIgnoreCase) != true)
            {
                return false;
            }

            var file = files.GetFileInfo(path);
            if (!file.Exists || file.IsDirectory)
            {
                return false;
            }

            await WritePageAsync(context, file, StatusCodes.Status200OK, BasePathOf(context));
            return true;
        }

        /// <summary>The site's 404 page, made for <paramref name="basePath"/> (its links and the preview's additions).</summary>
        public async Task NotFoundAsync(HttpContext context, string basePath)
        {
            var file = files.GetFileInfo("/404.html");
            await WritePageAsync(context, file.Exists ? file : null, StatusCodes.Status404NotFound, basePath);
        }

        private async Task WritePageAsync(HttpContext context, IFileInfo? file, int status, string basePath)
        {
            string html;
            if (file is null)
            {
                html = MissingNotFoundPage;
            }
            else
            {
                await using var stream = file.CreateReadStream();
                using var reader = new StreamReader(stream, Encoding.UTF8);
                html = await reader.ReadToEndAsync(context.RequestAborted);
            }

            if (options.Status is { } build)
            {
                html = ErrorPanel.AddTo(html, build.Errors, basePath);
            }

            if (options.LiveReload is not null)
            {
                var end = html.LastIndexOf("</body>", StringComparison.OrdinalIgnoreCase);
                var tag = LiveReload.ScriptTag(basePath);
                html = end < 0 ? html + tag : html.Insert(end, tag);
            }

            var bytes = Encoding.UTF8.GetBytes(html);
            context.Response.StatusCode = status;
            context.Response.ContentType = "text/html; charset=utf-8";
            context.Response.ContentLength = bytes.Length;
            if (!HttpMethods.IsHead(context.Request.Method))
            {
                await context.Response.Body.WriteAsync(bytes, context.RequestAborted);
            }
        }
    }
}
