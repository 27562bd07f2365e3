// The process a user would otherwise start: `dotnet` running a hello-world console app.
Console.WriteLine("Hello, World!");
