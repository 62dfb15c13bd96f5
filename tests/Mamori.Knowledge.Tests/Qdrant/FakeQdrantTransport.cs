using System.Collections.Concurrent;
using Google.Protobuf;
using Grpc.Core;

namespace Mamori.Knowledge.Tests.Qdrant;

/// <summary>
/// Stands in for the network under the real QdrantClient: records each gRPC call (method + request message) and
/// answers from scripted handlers, so the client calls our store makes can be checked without a server.
/// </summary>
internal sealed class FakeQdrantTransport : CallInvoker
{
    private readonly ConcurrentDictionary<string, Func<IMessage, IMessage>> _handlers = new();

    public ConcurrentQueue<(string Method, IMessage Request)> Calls { get; } = new();

    /// <param name="method">The gRPC method, e.g. "qdrant.Collections/Get".</param>
    public FakeQdrantTransport On<TRequest>(string method, Func<TRequest, IMessage> handler) where TRequest : IMessage
    {
        _handlers["/" + method] = request => handler((TRequest)request);
        return this;
    }

    public IReadOnlyList<TRequest> Requests<TRequest>(string method) =>
        [.. Calls.Where(c => c.Method == "/" + method).Select(c => (TRequest)c.Request)];

    public override AsyncUnaryCall<TResponse> AsyncUnaryCall<TRequest, TResponse>(
        Method<TRequest, TResponse> method, string? host, CallOptions options, TRequest request)
    {
        Calls.Enqueue((method.FullName, (IMessage)request));
        if (!_handlers.TryGetValue(method.FullName, out var handler))
            throw new RpcException(new Status(StatusCode.Unimplemented, $"no fake for {method.FullName}"));
        var response = (TResponse)handler((IMessage)request);
        return new AsyncUnaryCall<TResponse>(Task.FromResult(response), Task.FromResult(new Metadata()),
            () => Status.DefaultSuccess, () => [], () => { });
    }

    public override TResponse BlockingUnaryCall<TRequest, TResponse>(Method<TRequest, TResponse> method, string? host, CallOptions options, TRequest request) =>
        AsyncUnaryCall(method, host, options, request).ResponseAsync.GetAwaiter().GetResult();

    public override AsyncServerStreamingCall<TResponse> AsyncServerStreamingCall<TRequest, TResponse>(
        Method<TRequest, TResponse> method, string? host, CallOptions options, TRequest request) => throw new NotSupportedException();

    public override AsyncClientStreamingCall<TRequest, TResponse> AsyncClientStreamingCall<TRequest, TResponse>(
        Method<TRequest, TResponse> method, string? host, CallOptions options) => throw new NotSupportedException();

    public override AsyncDuplexStreamingCall<TRequest, TResponse> AsyncDuplexStreamingCall<TRequest, TResponse>(
        Method<TRequest, TResponse> method, string? host, CallOptions options) => throw new NotSupportedException();
}
