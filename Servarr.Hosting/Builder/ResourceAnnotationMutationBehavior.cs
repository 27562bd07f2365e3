namespace Servarr.Hosting;

/// <summary>Whether <c>WithAnnotation</c> adds to or replaces annotations of the same type.</summary>
public enum ResourceAnnotationMutationBehavior
{
    /// <summary>Add after the existing ones.</summary>
    Append,
    /// <summary>Remove the existing ones of the same type first.</summary>
    Replace,
}
