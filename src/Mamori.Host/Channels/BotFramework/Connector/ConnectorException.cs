namespace Mamori.Host.Channels.BotFramework.Connector;

/// <summary>A reply the Connector did not take: a refused host, or an error answer after the retries.</summary>
internal sealed class ConnectorException(string message, int? statusCode = null, Exception? inner = null) : Exception(message, inner)
{
    public int? StatusCode { get; } = statusCode;
}
