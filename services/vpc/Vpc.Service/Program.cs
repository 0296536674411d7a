using Mesh.Hosting;
using Mesh.Vpc.Service;

var builder = WebApplication.CreateBuilder(args);
var mesh = builder.AddServiceDefaults("vpc");
builder.Services.AddVpc(mesh);

var app = builder.Build();
app.MapServiceDefaults();
app.MapVpcApi();
app.Run();

public partial class Program;
