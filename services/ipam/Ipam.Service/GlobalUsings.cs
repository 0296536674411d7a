global using PoolWriter = Mesh.EventSourcing.Actors.KeyedWriter<
    Mesh.Ipam.Domain.Pools.SubnetPool, Mesh.Ipam.Domain.Commands.IpamCommand, Mesh.Ipam.Service.Pools.PoolOutcome>;
