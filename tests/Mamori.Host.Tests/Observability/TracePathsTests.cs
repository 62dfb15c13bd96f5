using Mamori.Host.Observability;

namespace Mamori.Host.Tests.Observability;

/// <summary>Calls to the channels' APIs are traced without the ids of conversations, activities and users.</summary>
public sealed class TracePathsTests
{
    [Theory]
    [InlineData("/v3/conversations/a:1Xb2Yc3Zd/activities/1700000000000", "/v3/conversations/{id}/activities/{id}")]
    [InlineData("/v3/conversations/19%3Ameeting_abc%40thread.v2/activities", "/v3/conversations/{id}/activities")]
    [InlineData("/v2/bot/profile/U4af4980629a1b2c3d4e5f60718293a4b", "/v2/bot/profile/{id}")]
    [InlineData("/v3/directline/conversations/rLLtbNxEmhEjt_XeqbYwcg/stream", "/v3/directline/conversations/{id}/stream")]
    [InlineData("/v2/bot/message/reply", "/v2/bot/message/reply")]
    [InlineData("/desk/dashboard.csv", "/desk/dashboard.csv")]
    [InlineData("/v1/traces", "/v1/traces")]
    public void Ids_in_a_path_are_replaced_and_the_words_kept(string path, string traced) =>
        Assert.Equal(traced, TracePaths.Redact(path));
}
