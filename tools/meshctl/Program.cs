using System.CommandLine;
using Mesh.Ctl;
using Mesh.Hosting;

// meshctl: the operator and SRE front door to the mesh, in the habits of kubectl.
var client = new MeshClient();
var root = new RootCommand("meshctl: apply and read mesh resources; read, replay and verify the event history")
{
    ResourceCommands.Apply(client),
    ResourceCommands.Get(client),
    ResourceCommands.Delete(client),
    SreCommands.History(client),
    WhoHeld.Command(client),
    SreCommands.Audit(client),
    SreCommands.Rebuild(client),
    SreCommands.Replay(client),
    SreCommands.Verify(client),
    PodCommands.Build(),
    ReclaimCommands.Build(client),
    TokenCommand(),
};
// Every user error is one line on stderr and a non-zero exit; a stack trace only with MESHCTL_DEBUG=1.
var debug = Environment.GetEnvironmentVariable("MESHCTL_DEBUG") == "1";
try
{
    return await root.Parse(args).InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = debug });
}
catch (CliException ex)
{
    Console.Error.WriteLine(ex.Message);
    return ex.ExitCode;
}
catch (MeshException ex)
{
    Console.Error.WriteLine($"error: {ex.Error.Code}: {ex.Error.Message}" + (ex.Error.Remedy is { } remedy ? $" ({remedy})" : ""));
    return 1;
}
catch (HttpRequestException ex)
{
    Console.Error.WriteLine($"error: cannot reach the service: {ex.Message} (is the mesh running? ./mesh status; or set MESH_<SERVICE>_URL)");
    return 3;
}
catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
{
    Console.Error.WriteLine($"error: {ex.Message}");
    return 1;
}
catch (Exception ex) when (!debug)
{
    Console.Error.WriteLine($"error: {ex.GetType().Name}: {ex.Message.Split('\n')[0]} (MESHCTL_DEBUG=1 shows the stack)");
    return 1;
}

static Command TokenCommand()
{
    var project = new Option<string>("--project", "-p") { Required = true, Description = "the tenant the token acts for" };
    var role = new Option<string>("--role", "-r") { DefaultValueFactory = _ => "member", Description = "member | admin | node | service" };
    var subject = new Option<string>("--subject") { DefaultValueFactory = _ => Environment.UserName };
    var hours = new Option<int>("--hours") { DefaultValueFactory = _ => 12 };
    var command = new Command("token", "mint a development token signed with Mesh__Auth__SigningKey (or the development key)") { project, role, subject, hours };
    command.SetAction(parse =>
    {
        var auth = new AuthOptions { SigningKey = Environment.GetEnvironmentVariable("Mesh__Auth__SigningKey") ?? AuthOptions.DevelopmentKey };
        Console.WriteLine(DevTokens.Mint(auth, parse.GetValue(subject)!, parse.GetValue(project)!, parse.GetValue(role)!, TimeSpan.FromHours(parse.GetValue(hours))));
        return 0;
    });
    return command;
}
