using System.Text.Json;
using Mesh.Contracts;
using Mesh.EventSourcing.Actors;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Mesh.Hosting;

/// <summary>
/// Turns exceptions into problem details: a <see cref="MeshException"/> into its own refusal, a body
/// that is not JSON or YAML into 400 <c>MalformedDocument</c>, a replaced key writer into a retryable 503
/// <c>WriterUnavailable</c>, anything else into a logged 500.
/// </summary>
internal sealed class ProblemExceptionHandler(IProblemDetailsService problems, ILogger<ProblemExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var error = exception switch
        {
            MeshException mesh => mesh.Error,
            BadHttpRequestException { InnerException: JsonException json } => Malformed(json.Message),
            JsonException json => Malformed(json.Message),
            BadHttpRequestException bad => new MeshError(ErrorCodes.Malformed, bad.Message, ErrorKind.Malformed),
            _ => null,
        };
        if (exception is WriterUnavailableException unavailable)
        {
            // Transient: the key's writer was replaced; nothing was changed, and a retry is answered.
            var retry = MeshProblems.ToProblemDetails(new MeshError(WriterUnavailableException.Code, unavailable.Message, ErrorKind.Conflict,
                "key", unavailable.Key, "retry the request; the key's writer has been restarted"));
            retry.Status = StatusCodes.Status503ServiceUnavailable;
            httpContext.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            httpContext.Response.Headers.RetryAfter = "1";
            return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = retry, Exception = exception });
        }
        if (error is null)
        {
            logger.LogError(exception, "unhandled error on {Method} {Path}", httpContext.Request.Method, httpContext.Request.Path);
            error = new MeshError("InternalError", "the service failed to process the request; see its log for the trace id", ErrorKind.Invalid);
            httpContext.Response.StatusCode = StatusCodes.Status500InternalServerError;
            var internalProblem = MeshProblems.ToProblemDetails(error);
            internalProblem.Status = 500;
            return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = internalProblem });
        }
        httpContext.Response.StatusCode = error.Status;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = MeshProblems.ToProblemDetails(error),
            Exception = exception,
        });
    }

    private static MeshError Malformed(string detail) =>
        new(ErrorCodes.Malformed, $"the body is not a valid document: {detail}", ErrorKind.Malformed, "body", null,
            "send a JSON or YAML document in the custom-resource shape (apiVersion, kind, metadata, spec)");
}
