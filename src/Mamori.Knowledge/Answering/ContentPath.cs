namespace Mamori.Knowledge.Answering;

/// <summary>
/// Finds a repository folder such as prompts/ whether the process runs from the repository root (`dotnet run`),
/// from a test's bin folder, or from a published folder that carries a copy.
/// </summary>
internal static class ContentPath
{
    public static string Resolve(string path)
    {
        if (Path.IsPathRooted(path))
            return path;

        var fromWorkingDirectory = Path.GetFullPath(path);
        if (Directory.Exists(fromWorkingDirectory))
            return fromWorkingDirectory;

        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, path);
            if (Directory.Exists(candidate))
                return candidate;
        }

        // Not found: return the working-directory form so the error message names a concrete place.
        return fromWorkingDirectory;
    }
}
