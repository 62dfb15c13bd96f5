using System.Diagnostics;
using System.IO.Compression;
using System.Security.Cryptography;
using Microsoft.Net.Http.Headers;

namespace Mamori.Host.Assets;

/// <summary>
/// The 3.9 MB official Web Chat bundle, compressed once at start (Brotli and gzip) and served under a name
/// that carries its content hash, /lib/webchat-{hash}.js, so browsers may keep it for a year without asking again.
/// Compressing it per request would cost more than sending it; compressing it at build would need a tool we do not have.
/// </summary>
internal sealed class WebChatBundle(IWebHostEnvironment environment, ILogger<WebChatBundle> logger) : IHostedService
{
    public const string PathPrefix = "/lib/webchat-";

    /// <summary>Brotli 9: 3.9 MB → 0.69 MB in about a second; 11 saves 70 KB more but takes over ten seconds.</summary>
    private const int BrotliQuality = 9;
    private const int BrotliWindow = 22;
    private byte[]? _plain;
    private Task<Compressed>? _compressed;

    /// <summary>The page's script URL, or the unversioned file when the bundle is missing (the page then says so).</summary>
    public string Url => Version is { } version ? $"{PathPrefix}{version}.js" : "/lib/webchat.js";

    public string? Version { get; private set; }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        var file = environment.WebRootFileProvider.GetFileInfo("lib/webchat.js");
        if (!file.Exists || file.PhysicalPath is null)
        {
            AssetsLog.BundleMissing(logger);
            return Task.CompletedTask;
        }
        byte[] plain = File.ReadAllBytes(file.PhysicalPath);
        Version = Convert.ToHexStringLower(SHA256.HashData(plain))[..16];
        _plain = plain;
        _compressed = Task.Run(() => Compress(plain), CancellationToken.None);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapGet(PathPrefix + "{version}.js", Serve).ExcludeFromDescription();

    private static IResult Serve(string version, HttpContext context, WebChatBundle bundle)
    {
        if (version != bundle.Version || bundle._plain is not { } plain)
            return TypedResults.NotFound();

        var response = context.Response;
        string etag = $"\"{bundle.Version}\"";
        response.Headers.ETag = etag;
        response.Headers.CacheControl = "public, max-age=31536000, immutable";
        response.Headers.Vary = HeaderNames.AcceptEncoding;
        response.Headers.XContentTypeOptions = "nosniff";
        if (context.Request.Headers.IfNoneMatch.Contains(etag))
            return TypedResults.StatusCode(StatusCodes.Status304NotModified);

        // Until the one-time compression is done (a second or more after start), the plain bundle goes out through the
        // ordinary compression middleware at its fastest level rather than keeping the first visitor waiting.
        var (encoding, body) = bundle._compressed!.IsCompletedSuccessfully
            ? Pick(context.Request.Headers.AcceptEncoding.ToString(), bundle._compressed.Result, plain)
            : (null, plain);
        if (encoding is not null)
            response.Headers.ContentEncoding = encoding;
        return TypedResults.Bytes(body, "text/javascript; charset=utf-8");
    }

    private static (string? Encoding, byte[] Body) Pick(string acceptEncoding, Compressed compressed, byte[] plain)
    {
        var accepted = StringWithQualityHeaderValue.TryParseList(acceptEncoding.Split(','), out var list) ? list : [];
        bool Accepts(string coding) => accepted.Any(a => a.Value.Equals(coding, StringComparison.OrdinalIgnoreCase) && a.Quality is not 0);
        return Accepts("br") ? ("br", compressed.Brotli) : Accepts("gzip") ? ("gzip", compressed.Gzip) : (null, plain);
    }

    private Compressed Compress(byte[] plain)
    {
        var clock = Stopwatch.StartNew();
        byte[] brotli = new byte[BrotliEncoder.GetMaxCompressedLength(plain.Length)];
        if (!BrotliEncoder.TryCompress(plain, brotli, out int written, BrotliQuality, BrotliWindow))
            throw new InvalidOperationException("Brotli could not compress the Web Chat bundle.");
        brotli = brotli[..written];
        byte[] gzip = Gzip(plain);
        AssetsLog.BundleCompressed(logger, plain.Length / 1024, brotli.Length / 1024, gzip.Length / 1024, clock.Elapsed.TotalSeconds);
        return new Compressed(brotli, gzip);
    }

    private static byte[] Gzip(byte[] plain)
    {
        using var output = new MemoryStream();
        using (var stream = new GZipStream(output, CompressionLevel.Optimal))
            stream.Write(plain);
        return output.ToArray();
    }

    private sealed record Compressed(byte[] Brotli, byte[] Gzip);
}

internal static partial class AssetsLog
{
    [LoggerMessage(1, LogLevel.Information, "Web Chat bundle ready to send: {PlainKb} KB, {BrotliKb} KB with Brotli, {GzipKb} KB with gzip (compressed in {Seconds:F1} s).")]
    public static partial void BundleCompressed(ILogger logger, int plainKb, int brotliKb, int gzipKb, double seconds);

    [LoggerMessage(2, LogLevel.Warning, "wwwroot/lib/webchat.js is missing (built with MamoriSkipWebChat=true?): the chat page will say so.")]
    public static partial void BundleMissing(ILogger logger);
}
