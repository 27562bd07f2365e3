// The tests read Servarr's model through Aspire's types.
global using Aspire.Hosting;
global using Aspire.Hosting.ApplicationModel;
global using TempDirectory = Servarr.Tests.TestSupport.TempDirectory;
