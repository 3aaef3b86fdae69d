using CountyHealth.Server.Hosting;

// serve (default) | migrate | generate | backup | restore | verify — see `--help` and CommandLine.
return await CommandLine.RunAsync(args);

/// <summary>The entry point, visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
