// The campaign's AppHost: the case named by SERVARR_CAMPAIGN_CASE applied to a clean model, then run as Program.cs runs
// the real stack (ServarrApp.CreateBuilder ... RunServarrAsync), so a mistake ends the process as it would for a user.
using Servarr.Hosting;
using Servarr.Tests.Campaign;

var name = Environment.GetEnvironmentVariable("SERVARR_CAMPAIGN_CASE") ?? "";
var input = name.Length == 0 ? null
    : BadInputCases.All.SingleOrDefault(c => c.Name == name) ?? throw new InvalidOperationException($"no campaign case is called '{name}'");

var builder = ServarrApp.CreateBuilder(args);
BadInputCases.App(builder, "clean"); // the model every case starts from publishes on its own
input?.Mutate(builder);
return await builder.Build().RunServarrAsync();
