namespace Servarr.Hosting.IO;

/// <summary>
/// The files of one publish, written all or none: <see cref="WriteAsync"/> stages each file in a hidden folder next to
/// its final place (<c>.servarr-publish-&lt;id&gt;</c> inside the output folder, or a hidden sibling of an output folder
/// that does not exist yet), and <see cref="Commit"/> swaps them in with renames — the whole staged folder when the
/// output folder is new, file by file otherwise, putting every replaced file back if one rename fails. Disposing
/// without committing removes what was staged, so the output folder is exactly as it was. Reads (files the user
/// edits, merged by the publishers) keep going to the output folder itself.
/// </summary>
/// <example><code>
/// using var output = new StagedOutput("deploy/compose");
/// await output.WriteAsync("deploy/compose/.env", bytes, ownerOnly: true, cancellationToken);
/// output.Commit(); // nothing in deploy/compose changed before this line
/// </code></example>
public sealed class StagedOutput : IDisposable
{
    private readonly string _id = Guid.NewGuid().ToString("N")[..12];
    private readonly List<string> _staged = [];
    private string? _stageRoot;
    private string? _createdAncestor;
    private bool _committed;

    /// <summary>Stages for <paramref name="directory"/> (made absolute).</summary>
    public StagedOutput(string directory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        Directory = Path.GetFullPath(directory);
    }

    /// <summary>The output folder the files go to on <see cref="Commit"/>.</summary>
    public string Directory { get; }

    /// <summary>The staged files, relative to <see cref="Directory"/>, in the order written.</summary>
    public IReadOnlyList<string> Staged => _staged;

    /// <summary>Called after each staged file (tests use it to interrupt a publish between two files).</summary>
    internal Func<string, CancellationToken, Task>? AfterEachFile { get; set; }

    /// <summary>Stages <paramref name="content"/> for <paramref name="path"/>, a file inside <see cref="Directory"/>; mode 0600 when <paramref name="ownerOnly"/>.</summary>
    public async Task WriteAsync(string path, byte[] content, bool ownerOnly, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        ObjectDisposedException.ThrowIf(_committed, this);
        cancellationToken.ThrowIfCancellationRequested();
        var relative = Path.GetRelativePath(Directory, Path.GetFullPath(path));
        if (relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative))
        {
            throw new ArgumentException($"'{path}' is not inside the output folder '{Directory}'", nameof(path));
        }

        await AtomicFile.WriteAsync(Path.Combine(StageRoot(), NewFiles, relative), content, ownerOnly, cancellationToken).ConfigureAwait(false);

        if (!_staged.Contains(relative, StringComparer.Ordinal))
        {
            _staged.Add(relative);
        }

        if (AfterEachFile is { } after)
        {
            await after(relative, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Swaps every staged file into <see cref="Directory"/>; on a failure, puts back what was there and throws.</summary>
    public void Commit()
    {
        ObjectDisposedException.ThrowIf(_committed, this);
        _committed = true;
        if (_stageRoot is null)
        {
            return;
        }

        if (!System.IO.Directory.Exists(Directory))
        {
            // A new output folder: the staged tree becomes it in one rename.
            System.IO.Directory.Move(Path.Combine(_stageRoot, NewFiles), Directory);
            System.IO.Directory.Delete(_stageRoot, recursive: true);
            return;
        }

        var swapped = new List<(string Target, string? Previous)>();
        var createdFolders = new List<string>();
        try
        {
            foreach (var relative in _staged)
            {
                var target = Path.Combine(Directory, relative);
                createdFolders.AddRange(CreateFolders(Path.GetDirectoryName(target)!));
                string? previous = null;
                if (File.Exists(target))
                {
                    previous = Path.Combine(_stageRoot, PreviousFiles, relative);
                    System.IO.Directory.CreateDirectory(Path.GetDirectoryName(previous)!);
                    File.Move(target, previous);
                }

                swapped.Add((target, previous));
                File.Move(Path.Combine(_stageRoot, NewFiles, relative), target);
            }
        }
        catch
        {
            RollBack(swapped, createdFolders);
            DeleteQuietly(_stageRoot); // only once every replaced file is back
            throw;
        }

        System.IO.Directory.Delete(_stageRoot, recursive: true);
    }

    /// <summary>Removes what was staged and not committed.</summary>
    public void Dispose()
    {
        if (_committed || _stageRoot is null)
        {
            return;
        }

        _committed = true;
        DeleteQuietly(_createdAncestor ?? _stageRoot);
    }

    private const string NewFiles = "new";
    private const string PreviousFiles = "previous";

    private string StageRoot()
    {
        if (_stageRoot is not null)
        {
            return _stageRoot;
        }

        var parent = Path.GetDirectoryName(Directory);
        var inside = System.IO.Directory.Exists(Directory) || parent is null;
        var root = inside ? Path.Combine(Directory, $".servarr-publish-{_id}") : Path.Combine(parent!, $".{Path.GetFileName(Directory)}.servarr-publish-{_id}");
        _createdAncestor = inside ? null : CreateFolders(parent!).FirstOrDefault();
        System.IO.Directory.CreateDirectory(root);
        return _stageRoot = root;
    }

    // Creates the missing folders of a path; returns those it created, outermost first.
    private static List<string> CreateFolders(string folder)
    {
        var missing = new List<string>();
        for (var current = folder; current is not null && !System.IO.Directory.Exists(current); current = Path.GetDirectoryName(current))
        {
            missing.Insert(0, current);
        }

        if (missing.Count > 0)
        {
            System.IO.Directory.CreateDirectory(folder);
        }

        return missing;
    }

    private static void RollBack(List<(string Target, string? Previous)> swapped, List<string> createdFolders)
    {
        for (var i = swapped.Count - 1; i >= 0; i--)
        {
            var (target, previous) = swapped[i];
            if (previous is not null && File.Exists(previous))
            {
                File.Move(previous, target, overwrite: true);
            }
            else if (previous is null && File.Exists(target))
            {
                File.Delete(target);
            }
        }

        foreach (var folder in Enumerable.Reverse(createdFolders))
        {
            DeleteQuietly(folder);
        }
    }

    private static void DeleteQuietly(string folder)
    {
        try
        {
            if (System.IO.Directory.Exists(folder))
            {
                System.IO.Directory.Delete(folder, recursive: true);
            }
        }
        catch (IOException)
        {
            // Left behind: a hidden .servarr-publish-* folder, never a changed output file.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
