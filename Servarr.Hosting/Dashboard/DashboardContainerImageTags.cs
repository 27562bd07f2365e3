namespace Servarr.Hosting.Dashboard;

/// <summary>The standalone Aspire dashboard image run mode starts (pinned; never <c>latest</c>).</summary>
internal static class DashboardContainerImageTags
{
    public const string Registry = "mcr.microsoft.com";
    public const string Image = "dotnet/aspire-dashboard";
    public const string Tag = "9.5";
}
