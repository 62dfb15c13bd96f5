using System.ComponentModel.DataAnnotations;

namespace Mamori.Knowledge.Interpreting;

/// <summary>
/// The model's reading of diagnosis replies the rules could not place. Used only when a chat model is configured
/// (Knowledge:AzureOpenAI:ChatDeployment or Knowledge:OpenAI:ChatModel); its guess is always asked back to the owner.
/// </summary>
public sealed class ReplyInterpreterOptions
{
    public const string Section = "Knowledge:Interpreting";

    /// <summary>False: no model reading even with a model configured (unreadable replies are simply asked again).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>The owner is waiting for the next message: past this the question is asked again as if unread.</summary>
    [Range(1, 60)] public int TimeoutSeconds { get; set; } = 8;
}
