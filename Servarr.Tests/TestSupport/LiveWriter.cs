using System.Text;

namespace Servarr.Tests.TestSupport;

/// <summary>A writer a running AppHost writes to while the test reads what it has written so far.</summary>
internal sealed class LiveWriter : TextWriter
{
    private readonly Lock _gate = new();
    private readonly StringBuilder _text = new();

    public override Encoding Encoding => Encoding.UTF8;

    public string Text
    {
        get
        {
            lock (_gate)
            {
                return _text.ToString();
            }
        }
    }

    public override void Write(char value)
    {
        lock (_gate)
        {
            _text.Append(value);
        }
    }

    public override void Write(string? value)
    {
        lock (_gate)
        {
            _text.Append(value);
        }
    }

    public override void WriteLine(string? value)
    {
        lock (_gate)
        {
            _text.Append(value).Append(NewLine);
        }
    }

    public override string ToString() => Text;

    /// <summary>Waits until the text contains <paramref name="expected"/>; fails with the text so far otherwise.</summary>
    public async Task WaitForAsync(string expected, TimeSpan within)
    {
        var deadline = DateTime.UtcNow + within;
        while (!Text.Contains(expected, StringComparison.Ordinal))
        {
            Assert.True(DateTime.UtcNow < deadline, $"not seen within {within}: {expected}\n--- output so far ---\n{Text}");
            await Task.Delay(100);
        }
    }
}
