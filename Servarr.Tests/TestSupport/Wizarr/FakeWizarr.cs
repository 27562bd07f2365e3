using System.Collections.Concurrent;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;

namespace Servarr.Tests.TestSupport.Wizarr;

/// <summary>
/// A stand-in for Wizarr's web forms (wizarrrr/wizarr @ v2026.7.1), served by Kestrel on 127.0.0.1: the setup page
/// (<c>/setup/</c>, a Flask-WTF form whose CSRF token lives in the server-side session), <c>/login</c>, the media server
/// list and <c>/settings/servers/create</c>, which checks the Plex server like Wizarr does (here: the URL and token the
/// test says Plex has). Like Wizarr it answers a refused form with the page again (200) and success with a redirect.
/// </summary>
public sealed partial class FakeWizarr : IAsyncDisposable
{
    private FakeHttpServer _server = null!;
    private readonly ConcurrentDictionary<string, Session> _sessions = new(StringComparer.Ordinal);
    private readonly List<string> _requests = [];
    private readonly List<(string Name, string Type, string Url, string Token)> _servers = [];
    private readonly Lock _lock = new();

    private FakeWizarr(string plexUrl, string plexToken)
    {
        PlexUrl = plexUrl;
        PlexToken = plexToken;
    }

    /// <summary>Where the fake listens, <c>http://127.0.0.1:port/</c>.</summary>
    public Uri BaseAddress => _server.BaseAddress;

    /// <summary>The Plex server that answers Wizarr's check, and its token.</summary>
    public string PlexUrl { get; }

    /// <summary>The token Plex accepts.</summary>
    public string PlexToken { get; }

    /// <summary>The admin account, once the setup page made one.</summary>
    public (string Username, string Password)? Admin { get; private set; }

    /// <summary>The media servers Wizarr has.</summary>
    public IReadOnlyList<(string Name, string Type, string Url, string Token)> Servers { get { lock (_lock) { return [.. _servers]; } } }

    /// <summary>Every request, as <c>"METHOD /path"</c>.</summary>
    public IReadOnlyList<string> Requests { get { lock (_lock) { return [.. _requests]; } } }

    /// <summary>Starts a fake Wizarr without an admin account; its Plex check accepts <paramref name="plexUrl"/> with <paramref name="plexToken"/>.</summary>
    public static async Task<FakeWizarr> StartAsync(string plexUrl, string plexToken, CancellationToken cancellationToken)
    {
        var fake = new FakeWizarr(plexUrl, plexToken);
        fake._server = await FakeHttpServer.StartAsync(fake.HandleAsync, cancellationToken);
        return fake;
    }

    /// <summary>Adds an admin account as if someone had used the setup page in a browser.</summary>
    public void SetAdmin(string username, string password) => Admin = (username, password);

    private sealed class Session
    {
        public string Csrf { get; } = Guid.NewGuid().ToString("N");

        public bool SignedIn { get; set; }
    }

    private async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        lock (_lock)
        {
            _requests.Add($"{request.Method} {request.Path}");
        }

        var session = SessionOf(context);
        var form = request.HasFormContentType ? await request.ReadFormAsync(context.RequestAborted) : null;
        string Field(string name) => form?[name].ToString() ?? "";
        switch (request.Method, request.Path.Value)
        {
            case (_, "/setup"):
                Redirect(context, "/setup/", 308);
                return;
            case ("GET" or "POST", "/setup/"):
                if (Admin is not null)
                {
                    Redirect(context, Servers.Count == 0 ? "/settings/" : "/admin");
                    return;
                }

                if (request.Method == "POST" && Field("csrf_token") == session.Csrf)
                {
                    var errors = SetupErrors(Field("username").Trim(), Field("password"), Field("confirm"));
                    if (errors.Count == 0)
                    {
                        Admin = (Field("username").Trim(), Field("password"));
                        session.SignedIn = true;
                        Redirect(context, "/admin");
                        return;
                    }

                    await HtmlAsync(context, SetupPage(session, errors));
                    return;
                }

                // GET, or a POST whose CSRF token is missing or not this session's: the form again (Flask-WTF's csrf_token
                // error is not one the template shows).
                await HtmlAsync(context, SetupPage(session, []));
                return;
            case ("GET", "/"):
                Redirect(context, Admin is null ? "/setup/" : "/admin");
                return;
            case ("GET", "/login"):
                await HtmlAsync(context, LoginPage(null));
                return;
            case ("POST", "/login"):
                if (Admin is { } admin && Field("username") == admin.Username && Field("password") == admin.Password)
                {
                    session.SignedIn = true;
                    Redirect(context, "/");
                    return;
                }

                await HtmlAsync(context, LoginPage("Invalid username or password"));
                return;
        }

        if (!session.SignedIn)
        {
            Redirect(context, "/login?next=" + Uri.EscapeDataString(request.Path.Value ?? "/"));
            return;
        }

        switch (request.Method, request.Path.Value)
        {
            case ("GET", "/admin" or "/settings/"):
                await HtmlAsync(context, "<h1>Wizarr</h1>");
                return;
            case ("GET", "/settings/servers"):
                await HtmlAsync(context, ServersPage());
                return;
            case ("POST", "/settings/servers/create"):
                var url = Field("server_url");
                if (Field("server_type") != "plex" || url.TrimEnd('/') != PlexUrl || Field("api_key") != PlexToken || Field("server_name").Length == 0)
                {
                    context.Response.Headers["HX-Retarget"] = "#create-server-modal";
                    await HtmlAsync(context, "<div class=\"alert\"><span class=\"font-medium\">Unable to connect to Plex: 401 Unauthorized</span></div>");
                    return;
                }

                lock (_lock)
                {
                    _servers.Add((Field("server_name"), "plex", url, Field("api_key")));
                }

                Redirect(context, "/settings/servers");
                return;
            default:
                context.Response.StatusCode = 404;
                return;
        }
    }

    private Session SessionOf(HttpContext context)
    {
        if (context.Request.Cookies.TryGetValue("session", out var id) && _sessions.TryGetValue(id, out var existing))
        {
            return existing;
        }

        id = Guid.NewGuid().ToString("N");
        context.Response.Cookies.Append("session", id, new CookieOptions { HttpOnly = true, Path = "/" });
        return _sessions.GetOrAdd(id, _ => new Session());
    }

    // wizarrrr/wizarr: app/forms/setup.py and app/forms/validators.py, with their messages
    private static List<string> SetupErrors(string username, string password, string confirm)
    {
        var errors = new List<string>();
        if (username.Length is < 3 or > 15)
        {
            errors.Add("Username must be 3 to 15 characters.");
        }
        else if (!UsernamePattern().IsMatch(username))
        {
            errors.Add("Username can contain letters, numbers, dashes (-), underscores (_), apostrophes ('), and periods (.).");
        }

        if (password.Length < 8)
        {
            errors.Add("Password must be at least 8 characters.");
        }
        else if (!PasswordPattern().IsMatch(password))
        {
            errors.Add("Password must contain at least one uppercase letter, one lowercase letter, and one number.");
        }

        if (confirm.Length == 0 || confirm != password)
        {
            errors.Add("Passwords must match.");
        }

        return errors;
    }

    private static string SetupPage(Session session, IEnumerable<string> errors) =>
        $"""
        <form method="post" action="">
          <input id="csrf_token" name="csrf_token" type="hidden" value="{session.Csrf}">
          <input id="username" name="username" type="text" value="">
          {string.Concat(errors.Select(e => $"<p class=\"mt-1 text-sm text-red-600 dark:text-red-500\">{WebUtility.HtmlEncode(e)}</p>"))}
          <input id="password" name="password" type="password" value="">
          <input id="confirm" name="confirm" type="password" value="">
        </form>
        """;

    private static string LoginPage(string? error) =>
        (error is null ? "" : $"<div class=\"alert\"><span class=\"font-medium\">{WebUtility.HtmlEncode(error)}</span></div>")
        + "<form method=\"post\"><input name=\"username\"><input name=\"password\" type=\"password\"></form>";

    private string ServersPage() =>
        "<div id=\"create-server-modal\"></div><div id=\"servers_grid\">" + string.Concat(Servers.Select((s, i) => $"""
            <div class="mb-4" data-server-id="{i + 1}">
              <h2 title="{WebUtility.HtmlEncode(s.Name)}">{WebUtility.HtmlEncode(s.Name)}</h2>
              <a href="{WebUtility.HtmlEncode(s.Url)}"
                 target="_blank"
                 rel="noopener">{WebUtility.HtmlEncode(s.Url)}</a>
            </div>
            """)) + "</div>";

    private static void Redirect(HttpContext context, string location, int status = 302)
    {
        context.Response.StatusCode = status;
        context.Response.Headers.Location = location;
    }

    private static Task HtmlAsync(HttpContext context, string html)
    {
        context.Response.ContentType = "text/html; charset=utf-8";
        return context.Response.WriteAsync(html, context.RequestAborted);
    }

    [GeneratedRegex(@"^[\w'.-]+$")]
    private static partial Regex UsernamePattern();

    [GeneratedRegex(@"^(?=.*[a-z])(?=.*[A-Z])(?=.*\d).+$")]
    private static partial Regex PasswordPattern();

    /// <inheritdoc />
    public ValueTask DisposeAsync() => _server.DisposeAsync();
}
