// Servarr builds on Aspire's application model: its resources, annotations, builders and expressions.
global using Aspire.Hosting;
global using Aspire.Hosting.ApplicationModel;
