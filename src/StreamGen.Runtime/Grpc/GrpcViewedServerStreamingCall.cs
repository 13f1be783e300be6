namespace StreamGen.Runtime;

using global::System;
using global::Grpc.Core;

/// <summary>
/// A <see cref="GrpcServerStreamingCall{TResult, TResponse}"/> of a result type with views: the view comes from the
/// goa-view response header (or the method fixes it), and each result is checked against what that view requires.
/// </summary>
public abstract class GrpcViewedServerStreamingCall<TResult, TResponse, TView> : GrpcServerStreamingCall<TResult, TResponse>
    where TResult : class, IViewedResult<TResult, TView>
    where TView : struct, Enum
{
    /// <summary>A stream whose server chooses the view.</summary>
    protected GrpcViewedServerStreamingCall(AsyncServerStreamingCall<TResponse> call, Metadata headers, Func<TResponse, TResult> fromProto)
        : base(call, headers, fromProto) => View = ResultView<TResult, TView>.Parse(ViewName);

    /// <summary>A stream always sent in <paramref name="view"/> (<c>view:</c> in the method's design).</summary>
    protected GrpcViewedServerStreamingCall(AsyncServerStreamingCall<TResponse> call, Metadata headers, Func<TResponse, TResult> fromProto, TView view)
        : base(call, headers, fromProto) => View = view;

    /// <summary>The view the server renders messages in.</summary>
    public TView View { get; }

    protected override void ValidateReceived(TResult message, ref ValidationErrors? errors)
    {
        base.ValidateReceived(message, ref errors);
        message.ValidateView(View, ref errors);
    }
}
