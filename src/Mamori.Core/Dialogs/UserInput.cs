using Mamori.Core.Text;
using System.Text;

namespace Mamori.Core.Dialogs;

/// <summary>What is wrong with a message before any parsing, if anything.</summary>
public enum InputProblem
{
    None,
    Empty,
    TooLong,
    NoLetters,
}

/// <summary>A user's message, cleaned of control and invisible characters, and checked once at the edge of the engine.</summary>
internal readonly record struct UserInput(string Text, InputProblem Problem)
{
    public static UserInput Read(string? raw, int maxLength)
    {
        if (string.IsNullOrEmpty(raw))
            return new UserInput("", InputProblem.Empty);
        if (raw.Length > maxLength)
            return new UserInput("", InputProblem.TooLong);

        var builder = new StringBuilder(raw.Length);
        for (var i = 0; i < raw.Length; i++)
        {
            var c = raw[i];
            if (char.IsHighSurrogate(c) && i + 1 < raw.Length && char.IsLowSurrogate(raw[i + 1]))
            {
                builder.Append(c).Append(raw[++i]);
                continue;
            }
            // A lone surrogate is not text (and cannot be stored as UTF-8): drop it like an invisible character.
            if (!char.IsSurrogate(c) && !JapaneseFold.IsInvisible(c))
                builder.Append(c == '\t' ? ' ' : c);
        }
        var text = builder.ToString().Trim();
        if (text.Length == 0)
            return new UserInput("", InputProblem.Empty);
        return JapaneseFold.IsLetterOrDigitAnywhere(text)
            ? new UserInput(text, InputProblem.None)
            : new UserInput(text, InputProblem.NoLetters);
    }
}
