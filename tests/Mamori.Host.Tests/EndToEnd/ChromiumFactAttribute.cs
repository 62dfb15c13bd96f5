namespace Mamori.Host.Tests.EndToEnd;

/// <summary>
/// A browser test: runs only where the system Chromium is installed (CI installs it with apt); tests never download a
/// browser. Elsewhere it is skipped with the reason printed.
/// </summary>
public sealed class ChromiumFactAttribute : FactAttribute
{
    public const string ChromiumPath = "/usr/bin/chromium";

    public ChromiumFactAttribute()
    {
        if (!File.Exists(ChromiumPath))
            Skip = $"{ChromiumPath} is not installed (apt-get install chromium fonts-noto-cjk); browser tests skipped.";
    }
}
