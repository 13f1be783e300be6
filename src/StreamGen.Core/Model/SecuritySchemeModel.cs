namespace StreamGen.Model;

/// <summary>One security scheme: its ASP.NET Core scheme name (the design's) and where its credential travels.</summary>
public sealed record SecuritySchemeModel
{
    public required string DesignName { get; init; }

    public required string NameLiteral { get; init; }

    public required IReadOnlyList<string> Description { get; init; }

    /// <summary>The static member of the security class that describes it (<c>ApiKey</c>).</summary>
    public required string MemberName { get; init; }

    /// <summary><c>Runtime::SecuritySchemeKind.ApiKey</c>.</summary>
    public required string KindLiteral { get; init; }

    /// <summary>The header an API key travels in (C# literal, or <c>null</c>).</summary>
    public required string HeaderNameLiteral { get; init; }

    /// <summary>The query parameter an API key travels in, or that a browser may use (C# literal, or <c>null</c>).</summary>
    public required string QueryNameLiteral { get; init; }

    /// <summary>Where the client sends an API key: the header, else the query parameter (C# literals; the other is <c>null</c>).</summary>
    public required string ClientHeaderLiteral { get; init; }

    public required string ClientQueryLiteral { get; init; }

    public required string RealmLiteral { get; init; }

    /// <summary>The authentication handler the user writes (apiKey and basic), or null (jwt and oauth2 use the application's bearer handler).</summary>
    public required string? HandlerName { get; init; }

    public required bool IsApiKey { get; init; }

    public required bool IsBasic { get; init; }

    public required bool IsBearer { get; init; }

    /// <summary>Scope names (C# literals), with their descriptions.</summary>
    public required IReadOnlyList<ScopeModel> Scopes { get; init; }
}

/// <summary>A scope a scheme declares.</summary>
public sealed record ScopeModel(string Name, string Description);
