namespace StreamGen.Runtime;

/// <summary>
/// Endpoint metadata: the endpoint answers only connections accepted on the local port <see cref="Port"/>. It keeps HTTP
/// routes on the HTTP port and gRPC services on the gRPC port by the listener a connection came in on, not by its
/// <c>Host</c> header (which a reverse proxy or load balancer sets to the public name, with another port or none), the
/// way ASP.NET Core's <c>RequireHost</c> would. Honoured by <see cref="ListenerPortMatcherPolicy"/>.
/// </summary>
public sealed record ListenerPortMetadata(int Port);
