global using Mesh.Contracts;
global using Mesh.Fip.Domain.Commands;
global using Mesh.Fip.Domain.Errors;
global using Mesh.Fip.Domain.Events;
global using Mesh.Fip.Domain.Model;
global using Mesh.Fip.Domain.State;
