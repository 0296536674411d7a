using Mesh.Hosting;
using Mesh.Sriov.Service;

var builder = WebApplication.CreateBuilder(args);
var mesh = builder.AddServiceDefaults("sriov");
builder.Services.AddSriov(mesh);

var app = builder.Build();
app.MapServiceDefaults();
app.MapSriovApi();
app.Run();

public partial class Program;
