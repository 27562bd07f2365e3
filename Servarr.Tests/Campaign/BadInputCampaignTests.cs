using Servarr.Hosting;
using Servarr.Hosting.ApplicationModel;
using Servarr.Tests.TestSupport;

namespace Servarr.Tests.Campaign;

/// <summary>
/// Issue 15's campaign (<see cref="BadInputCases"/>), in process: each bad input on an otherwise clean model ends in
/// exactly one line that names the resource (or parameter), what is wrong and the fix — never an exception while
/// Program.cs declares the model.
/// </summary>
public class BadInputCampaignTests
{
    public static TheoryData<BadInputCases.BadInput> Cases => [.. BadInputCases.All];

    [Theory]
    [MemberData(nameof(Cases))]
    public void EachBadInputIsOneLine(BadInputCases.BadInput input)
    {
        var builder = TestAppBuilder.Create(configuration: input.Configuration?.ToDictionary());

        input.Mutate(builder); // never throws: a mistake in Program.cs is a problem of the model

        var problems = builder.Problems();
        Assert.Equal([input.Expected], problems);
        Assert.DoesNotContain(problems, p => p.Any(char.IsControl));
    }

    [Fact]
    public void TheCleanModelTheCasesStartFromHasNoProblem()
    {
        var builder = TestAppBuilder.Create();
        BadInputCases.App(builder);
        BadInputCases.App(builder, "web");

        Assert.Empty(builder.Problems());
    }

    [Fact]
    public void TheCampaignKeepsAtLeastItsSixtySixCases() => Assert.True(Cases.Count >= 66, $"{Cases.Count} cases");
}
