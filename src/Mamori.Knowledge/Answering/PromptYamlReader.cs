using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.SemanticKernel;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace Mamori.Knowledge.Answering;

/// <summary>
/// Reads one prompt file in SK's YAML layout (name, description, template_format, template, input_variables,
/// execution_settings) into a <see cref="PromptTemplateConfig"/>. Microsoft.SemanticKernel.Yaml is not available
/// here, so YamlDotNet does the parsing and this class does the checking SK would otherwise skip.
/// </summary>
internal static partial class PromptYamlReader
{
    private static readonly HashSet<string> TopLevelFields =
        ["name", "description", "template_format", "template", "input_variables", "execution_settings"];

    private static readonly HashSet<string> SettingFields = ["temperature", "max_tokens", "top_p"];

    private static readonly IDeserializer Deserializer = new DeserializerBuilder()
        .WithNamingConvention(UnderscoredNamingConvention.Instance)
        .Build();

    public static PromptTemplateConfig Read(string path, string displayName, IReadOnlyCollection<string> requiredVariables)
    {
        if (!File.Exists(path))
            throw new PromptFileException(displayName, "(file)", $"not found at {path}");

        var text = File.ReadAllText(path);
        PromptYaml yaml;
        try
        {
            CheckFieldNames(text, displayName);
            yaml = Deserializer.Deserialize<PromptYaml?>(text) ?? throw new PromptFileException(displayName, "(file)", "is empty");
        }
        catch (YamlException e)
        {
            throw new PromptFileException(displayName, $"line {e.Start.Line}", e.InnerException?.Message ?? e.Message);
        }

        return ToConfig(yaml, displayName, requiredVariables);
    }

    private static void CheckFieldNames(string text, string file)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(text));
        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
            throw new PromptFileException(file, "(file)", "must be a YAML mapping with name, template_format, template and input_variables");

        foreach (var key in root.Children.Keys)
        {
            var name = ((YamlScalarNode)key).Value ?? "";
            if (!TopLevelFields.Contains(name))
                throw new PromptFileException(file, name, $"unknown field (line {key.Start.Line}); expected one of {string.Join(", ", TopLevelFields)}");
        }
    }

    private static PromptTemplateConfig ToConfig(PromptYaml yaml, string file, IReadOnlyCollection<string> requiredVariables)
    {
        if (string.IsNullOrWhiteSpace(yaml.Name))
            throw new PromptFileException(file, "name", "is required");
        if (string.IsNullOrWhiteSpace(yaml.Template))
            throw new PromptFileException(file, "template", "is required and must not be empty");
        if (yaml.TemplateFormat != PromptTemplateConfig.SemanticKernelTemplateFormat)
            throw new PromptFileException(file, "template_format",
                $"must be '{PromptTemplateConfig.SemanticKernelTemplateFormat}' (got '{yaml.TemplateFormat ?? "nothing"}')");

        var config = new PromptTemplateConfig
        {
            Name = yaml.Name,
            Description = yaml.Description,
            Template = yaml.Template,
            TemplateFormat = PromptTemplateConfig.SemanticKernelTemplateFormat,
        };

        var declared = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (variable, index) in (yaml.InputVariables ?? []).Select((v, i) => (v, i)))
        {
            if (string.IsNullOrWhiteSpace(variable.Name))
                throw new PromptFileException(file, $"input_variables[{index}].name", "is required");
            if (!declared.Add(variable.Name))
                throw new PromptFileException(file, $"input_variables[{index}].name", $"'{variable.Name}' is declared twice");
            config.InputVariables.Add(new InputVariable
            {
                Name = variable.Name,
                Description = variable.Description ?? "",
                IsRequired = variable.IsRequired,
                Default = variable.Default,
            });
        }

        var used = VariableReference().Matches(yaml.Template).Select(m => m.Groups["name"].Value).ToHashSet(StringComparer.Ordinal);
        foreach (var name in used.Where(n => !declared.Contains(n)))
            throw new PromptFileException(file, "input_variables", $"the template uses {{{{${name}}}}} but does not declare it");
        foreach (var name in declared.Where(n => !used.Contains(n)))
            throw new PromptFileException(file, "input_variables", $"'{name}' is declared but the template never uses it");
        foreach (var name in requiredVariables.Where(n => !declared.Contains(n)))
            throw new PromptFileException(file, "input_variables", $"must declare '{name}', which Mamori passes to this prompt");

        foreach (var (serviceId, settings) in yaml.ExecutionSettings ?? [])
            config.AddExecutionSettings(ToSettings(settings, file, serviceId), serviceId);

        CheckMessageMarkup(yaml.Template, file);
        try
        {
            // Parsing the template here turns a syntax error into a start-up failure instead of a failed answer.
            new KernelPromptTemplateFactory().Create(config);
        }
        catch (Exception e) when (e is KernelException or ArgumentException)
        {
            throw new PromptFileException(file, "template", e.Message);
        }

        return config;
    }

    /// <summary>
    /// A chat prompt is split into messages only when the rendered text is well-formed XML; otherwise SK silently sends
    /// everything as one user message and the system rules lose their role. A stray "&lt;sources&gt;" is enough for that.
    /// </summary>
    private static void CheckMessageMarkup(string template, string file)
    {
        if (!template.Contains("<message", StringComparison.Ordinal))
            return;
        try
        {
            var document = new System.Xml.XmlDocument();
            document.LoadXml($"<root>{TemplateBlock().Replace(template, "x")}</root>");
            if (document.DocumentElement!.ChildNodes.OfType<System.Xml.XmlElement>().Any(e => e.Name != "message"))
                throw new PromptFileException(file, "template", "only <message role=\"…\"> elements may appear at the top level");
        }
        catch (System.Xml.XmlException e)
        {
            throw new PromptFileException(file, "template",
                $"the <message> markup is not well-formed XML (line {e.LineNumber} of the template): {e.Message} Write literal angle brackets as &lt; and &gt;.");
        }
    }

    private static PromptExecutionSettings ToSettings(Dictionary<string, string> values, string file, string serviceId)
    {
        var data = new Dictionary<string, object>(StringComparer.Ordinal);
        foreach (var (key, raw) in values)
        {
            var field = $"execution_settings.{serviceId}.{key}";
            if (!SettingFields.Contains(key))
                throw new PromptFileException(file, field, $"unknown setting; expected one of {string.Join(", ", SettingFields)}");
            if (!double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
                throw new PromptFileException(file, field, $"must be a number (got '{raw}')");

            data[key] = key switch
            {
                "max_tokens" when number is >= 1 and <= 32768 && number == Math.Floor(number) => (int)number,
                "temperature" when number is >= 0 and <= 2 => number,
                "top_p" when number is > 0 and <= 1 => number,
                "max_tokens" => throw new PromptFileException(file, field, "must be a whole number from 1 to 32768"),
                "temperature" => throw new PromptFileException(file, field, "must be between 0 and 2"),
                _ => throw new PromptFileException(file, field, "must be greater than 0 and at most 1"),
            };
        }

        return new PromptExecutionSettings { ServiceId = serviceId == PromptExecutionSettings.DefaultServiceId ? null : serviceId, ExtensionData = data };
    }

    [GeneratedRegex(@"\{\{.*?\}\}")]
    private static partial Regex TemplateBlock();

    [GeneratedRegex(@"\{\{[^}]*?\$(?<name>[A-Za-z_][A-Za-z0-9_]*)")]
    private static partial Regex VariableReference();

    private sealed class PromptYaml
    {
        public string? Name { get; set; }
        public string? Description { get; set; }
        public string? TemplateFormat { get; set; }
        public string? Template { get; set; }
        public List<InputVariableYaml>? InputVariables { get; set; }
        public Dictionary<string, Dictionary<string, string>>? ExecutionSettings { get; set; }
    }

    private sealed class InputVariableYaml
    {
        public string? Name { get; set; }
        public string? Description { get; set; }
        public bool IsRequired { get; set; } = true;
        public string? Default { get; set; }
    }
}
