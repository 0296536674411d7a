namespace Mesh.Addressing;

/// <summary>An inclusive range of addresses; inclusive so that the last address of a family fits.</summary>
public readonly record struct AddressRange(UInt128 Start, UInt128 End)
{
    public UInt128 Count => End - Start + 1;

    public bool Contains(UInt128 address) => address >= Start && address <= End;
}
