using Mesh.Hosting;
using Mesh.Gpu.Service;

var builder = WebApplication.CreateBuilder(args);
var mesh = builder.AddServiceDefaults("gpu");
builder.Services.AddGpu(mesh);

var app = builder.Build();
app.MapServiceDefaults();
app.MapGpuApi();
app.Run();

public partial class Program;
