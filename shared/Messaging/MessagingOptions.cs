namespace Mesh.Messaging;

/// <summary>Where the broker is (section <c>Mesh:RabbitMq</c>, e.g. <c>Mesh__RabbitMq__Url</c>).</summary>
public sealed record MessagingOptions
{
    /// <summary>The AMQP URL, user and password included; the path is the virtual host.</summary>
    public string Url { get; init; } = "amqp://guest:guest@127.0.0.1:55672/";

    /// <summary>Immediate retries of a failing consumer before the message goes to the error queue.</summary>
    public int RetryLimit { get; init; } = 5;

    internal (string Host, ushort Port, string VirtualHost, string User, string Password) Parse()
    {
        var uri = new Uri(Url);
        var user = Uri.UnescapeDataString(uri.UserInfo.Split(':', 2)[0]);
        var password = uri.UserInfo.Contains(':') ? Uri.UnescapeDataString(uri.UserInfo.Split(':', 2)[1]) : "";
        var vhost = Uri.UnescapeDataString(uri.AbsolutePath.TrimStart('/'));
        return (uri.Host, (ushort)(uri.IsDefaultPort ? 5672 : uri.Port), vhost.Length == 0 ? "/" : vhost,
            user.Length == 0 ? "guest" : user, user.Length == 0 ? "guest" : password);
    }
}
