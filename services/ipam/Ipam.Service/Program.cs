using Mesh.Hosting;
using Mesh.Ipam.Service;

var builder = WebApplication.CreateBuilder(args);
var mesh = builder.AddServiceDefaults("ipam");
builder.Services.AddIpam(mesh);

var app = builder.Build();
app.MapServiceDefaults();
app.MapIpamApi();
app.Run();

public partial class Program;
