namespace Mamori.Knowledge.Tests.Qdrant;

/// <summary>A test that needs a live Qdrant 1.20 (gRPC). Without QDRANT_URL it is reported as skipped, with the reason.</summary>
public sealed class QdrantFactAttribute : FactAttribute
{
    public const string Variable = "QDRANT_URL";

    public QdrantFactAttribute()
    {
        if (string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(Variable)))
            Skip = $"{Variable} not set: run `docker run -p 6334:6334 qdrant/qdrant:v1.20.0` and set {Variable}=http://localhost:6334 to run the Qdrant leg of the store contract.";
    }
}
