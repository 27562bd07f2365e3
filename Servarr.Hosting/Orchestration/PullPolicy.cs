namespace Servarr.Hosting.Orchestration;

/// <summary>When run mode pulls images (<c>--pull</c>).</summary>
public enum PullPolicy
{
    /// <summary>Pull only images that are not present (the default).</summary>
    Missing,
    /// <summary>Pull every image, every run.</summary>
    Always,
    /// <summary>Never pull; a missing image fails that resource.</summary>
    Never,
}
