using Servarr.Hosting.IO;
using Servarr.Tests.TestSupport;

namespace Servarr.Tests.IO;

/// <summary>A publish's files are staged and swapped in all at once, or not at all.</summary>
public class StagedOutputTests
{
    private static byte[] Bytes(string text) => System.Text.Encoding.UTF8.GetBytes(text);

    [Fact]
    public async Task NothingIsVisibleBeforeCommitAndANewFolderAppearsWhole()
    {
        using var temp = new TempDirectory();
        var target = temp.Combine("deep", "deploy");
        using (var output = new StagedOutput(target))
        {
            await output.WriteAsync(Path.Combine(target, "a.yaml"), Bytes("a"), ownerOnly: false, CancellationToken.None);
            await output.WriteAsync(Path.Combine(target, "sub", ".env"), Bytes("b"), ownerOnly: true, CancellationToken.None);
            Assert.False(Directory.Exists(target));

            output.Commit();
        }

        Assert.Equal(["deep/", "deep/deploy/", "deep/deploy/a.yaml", "deep/deploy/sub/", "deep/deploy/sub/.env"],
            TreeSnapshot.Of(temp.Path).Select(l => l.Split(' ')[0]));
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(target, "sub", ".env")));
        }
    }

    [Fact]
    public async Task DisposedWithoutCommitLeavesNoTrace()
    {
        using var temp = new TempDirectory();
        var before = TreeSnapshot.Of(temp.Path);
        using (var output = new StagedOutput(temp.Combine("new", "deploy")))
        {
            await output.WriteAsync(temp.Combine("new", "deploy", "a.yaml"), Bytes("a"), ownerOnly: false, CancellationToken.None);
        }

        Assert.Equal(before, TreeSnapshot.Of(temp.Path));
        await File.WriteAllTextAsync(temp.Combine("old.yaml"), "old");
        before = TreeSnapshot.Of(temp.Path);
        using (var output = new StagedOutput(temp.Path))
        {
            await output.WriteAsync(temp.Combine("old.yaml"), Bytes("new"), ownerOnly: false, CancellationToken.None);
            await output.WriteAsync(temp.Combine("files", "x"), Bytes("x"), ownerOnly: false, CancellationToken.None);
        }

        Assert.Equal(before, TreeSnapshot.Of(temp.Path));
    }

    [Fact]
    public async Task CommitReplacesItsFilesAndKeepsEveryOther()
    {
        using var temp = new TempDirectory();
        await File.WriteAllTextAsync(temp.Combine("a.yaml"), "old");
        await File.WriteAllTextAsync(temp.Combine("terraform.tfstate"), "state");
        using var output = new StagedOutput(temp.Path);
        await output.WriteAsync(temp.Combine("a.yaml"), Bytes("new"), ownerOnly: false, CancellationToken.None);
        await output.WriteAsync(temp.Combine("b", "c.yaml"), Bytes("c"), ownerOnly: false, CancellationToken.None);

        output.Commit();

        Assert.Equal("new", await File.ReadAllTextAsync(temp.Combine("a.yaml")));
        Assert.Equal("state", await File.ReadAllTextAsync(temp.Combine("terraform.tfstate")));
        Assert.Equal(["a.yaml", "b/", "b/c.yaml", "terraform.tfstate"], TreeSnapshot.Of(temp.Path).Select(l => l.Split(' ')[0]));
    }

    [Fact]
    public async Task ARenameThatFailsHalfWayPutsEveryReplacedFileBack()
    {
        using var temp = new TempDirectory();
        await File.WriteAllTextAsync(temp.Combine("a.yaml"), "old a");
        Directory.CreateDirectory(temp.Combine("z.yaml")); // a folder where a file goes: the last rename fails
        var before = TreeSnapshot.Of(temp.Path);
        using var output = new StagedOutput(temp.Path);
        await output.WriteAsync(temp.Combine("a.yaml"), Bytes("new a"), ownerOnly: false, CancellationToken.None);
        await output.WriteAsync(temp.Combine("n", "new.yaml"), Bytes("n"), ownerOnly: false, CancellationToken.None);
        await output.WriteAsync(temp.Combine("z.yaml"), Bytes("z"), ownerOnly: false, CancellationToken.None);

        Assert.ThrowsAny<IOException>(output.Commit);

        Assert.Equal(before, TreeSnapshot.Of(temp.Path));
    }

    [Fact]
    public async Task AFileOutsideTheOutputFolderIsRefused()
    {
        using var temp = new TempDirectory();
        using var output = new StagedOutput(temp.Combine("deploy"));

        var refused = await Assert.ThrowsAsync<ArgumentException>(() =>
            output.WriteAsync(temp.Combine("elsewhere.yaml"), Bytes("x"), ownerOnly: false, CancellationToken.None));

        Assert.StartsWith($"'{temp.Combine("elsewhere.yaml")}' is not inside the output folder '{temp.Combine("deploy")}'", refused.Message);
    }
}
