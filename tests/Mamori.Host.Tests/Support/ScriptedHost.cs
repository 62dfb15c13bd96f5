namespace Mamori.Host.Tests.Support;

/// <summary>One host with the scripted bot, shared by the tests of a class.</summary>
public sealed class ScriptedHost : IDisposable
{
    public HostFactory Factory { get; } = new(scripted: true);

    public void Dispose() => Factory.Dispose();
}
