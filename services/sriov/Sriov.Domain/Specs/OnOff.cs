namespace Mesh.Sriov.Domain;

/// `spoofChk` / `trust`: the operator takes only the quoted strings "on" and "off" and refuses an
/// unquoted YAML boolean, so the parsed value remembers which one the document gave (SRIOV-6).
public sealed record OnOff(string Text, bool GivenAsBoolean = false)
{
    public const string On = "on";
    public const string Off = "off";

    public static OnOff FromString(string text) => new(text);

    public static OnOff FromBoolean(bool value) => new(value ? "true" : "false", GivenAsBoolean: true);

    public override string ToString() => Text;
}
