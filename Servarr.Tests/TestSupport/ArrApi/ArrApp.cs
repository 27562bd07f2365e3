namespace Servarr.Tests.TestSupport.ArrApi;

/// <summary>Which *arr application a <see cref="FakeArrApi"/> pretends to be.</summary>
public enum ArrApp
{
    /// <summary>Sonarr v4, API v3 (<c>sonarr-v3.openapi.json</c>).</summary>
    Sonarr,

    /// <summary>Radarr, API v3 (<c>radarr-v3.openapi.json</c>).</summary>
    Radarr,

    /// <summary>Prowlarr, API v1 (<c>prowlarr-v1.openapi.json</c>).</summary>
    Prowlarr,
}

/// <summary>
/// Names of the collections a <see cref="FakeArrApi"/> keeps: the resource's path segment in the API
/// (<c>/api/v3/downloadclient</c>, <c>/api/v3/rootfolder</c>, <c>/api/v1/applications</c>).
/// </summary>
public static class ArrCollections
{
    /// <summary>Sonarr/Radarr download clients (<c>DownloadClientResource</c>).</summary>
    public const string DownloadClients = "downloadclient";

    /// <summary>Sonarr/Radarr root folders (<c>RootFolderResource</c>).</summary>
    public const string RootFolders = "rootfolder";

    /// <summary>Prowlarr applications (<c>ApplicationResource</c>).</summary>
    public const string Applications = "applications";

    /// <summary>The collections an app serves, and the API prefix it serves them under.</summary>
    internal static (string Prefix, string[] Collections) For(ArrApp app) => app switch
    {
        ArrApp.Prowlarr => ("/api/v1", [Applications]),
        _ => ("/api/v3", [DownloadClients, RootFolders]),
    };

    /// <summary>The app's OpenAPI document under <c>../shared/reference/apis</c>.</summary>
    internal static string Document(ArrApp app) => app switch
    {
        ArrApp.Sonarr => "sonarr-v3.openapi.json",
        ArrApp.Radarr => "radarr-v3.openapi.json",
        _ => "prowlarr-v1.openapi.json",
    };
}

/// <summary>
/// One validation failure, serialised like the apps serialise FluentValidation's <c>ValidationFailure</c>:
/// a 400 whose body is a JSON array of these (<c>propertyName</c>, <c>errorMessage</c>, ...).
/// Source: Sonarr <c>src/Sonarr.Http/ErrorManagement/SonarrErrorPipeline.cs</c> (a <c>ValidationException</c> becomes
/// 400 + <c>STJson.ToJson(validationException.Errors)</c>); Radarr and Prowlarr share that pipeline (inferred).
/// The apps also emit <c>attemptedValue</c>, <c>errorCode</c> and more; the fake emits <c>severity</c> besides the two named here.
/// </summary>
/// <param name="PropertyName">The property at fault, as a path into the body (<c>fields[0].nam</c>), or a field's name.</param>
/// <param name="ErrorMessage">What is wrong.</param>
public sealed record ArrValidationFailure(string PropertyName, string ErrorMessage);
