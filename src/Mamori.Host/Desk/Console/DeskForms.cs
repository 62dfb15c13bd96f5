using Microsoft.AspNetCore.Antiforgery;

namespace Mamori.Host.Desk.Console;

/// <summary>How every console form is read and signed: the antiforgery token in, a valid form or nothing out.</summary>
internal static class DeskForms
{
    /// <summary>The posted form if it is one and carries a valid antiforgery token; null otherwise (never an exception).</summary>
    public static async Task<IFormCollection?> ReadAsync(IAntiforgery antiforgery, HttpContext context)
    {
        if (!context.Request.HasFormContentType)
            return null;
        try
        {
            var form = await context.Request.ReadFormAsync(context.RequestAborted);
            return await antiforgery.IsRequestValidAsync(context) ? form : null;
        }
        catch (Exception e) when (e is InvalidDataException or BadHttpRequestException or IOException or AntiforgeryValidationException)
        {
            return null;
        }
    }

    /// <summary>The hidden field for this response's forms.</summary>
    public static FormToken Token(IAntiforgery antiforgery, HttpContext context)
    {
        var tokens = antiforgery.GetAndStoreTokens(context);
        return new FormToken(tokens.FormFieldName, tokens.RequestToken ?? "");
    }
}
