using Mesh.Hosting;
using Mesh.Fip.Service;

var builder = WebApplication.CreateBuilder(args);
var mesh = builder.AddServiceDefaults("fip");
builder.Services.AddFip(mesh);

var app = builder.Build();
app.MapServiceDefaults();
app.MapFipApi();
app.Run();

public partial class Program;
