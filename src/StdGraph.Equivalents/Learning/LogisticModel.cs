namespace StdGraph.Equivalents.Learning;

/// <summary>
/// Logistic regression over candidate features, fitted by gradient descent on log-loss with a small L2 penalty.
/// Fitting log-loss on held-apart examples is what makes its output usable as a probability (the evaluation
/// measures how well calibrated it is).
/// </summary>
internal sealed class LogisticModel
{
    private LogisticModel(double[] weights, double bias)
    {
        Weights = weights;
        Bias = bias;
    }

    public double[] Weights { get; }

    public double Bias { get; }

    public double Predict(IReadOnlyList<double> x)
    {
        var z = Bias;
        for (var i = 0; i < Weights.Length; i++) z += Weights[i] * x[i];
        return 1.0 / (1.0 + Math.Exp(-z));
    }

    public static LogisticModel Fit(IReadOnlyList<(double[] X, bool Y)> examples, int features, double l2 = 0.01, int iterations = 600, double rate = 1.0)
    {
        var w = new double[features];
        var b = 0.0;
        if (examples.Count == 0) return new LogisticModel(w, -3);
        var gradient = new double[features];
        for (var it = 0; it < iterations; it++)
        {
            Array.Clear(gradient);
            var gb = 0.0;
            foreach (var (x, y) in examples)
            {
                var z = b;
                for (var i = 0; i < features; i++) z += w[i] * x[i];
                var error = 1.0 / (1.0 + Math.Exp(-z)) - (y ? 1 : 0);
                for (var i = 0; i < features; i++) gradient[i] += error * x[i];
                gb += error;
            }

            for (var i = 0; i < features; i++) w[i] -= rate * (gradient[i] / examples.Count + l2 * w[i]);
            b -= rate * gb / examples.Count;
        }

        return new LogisticModel(w, b);
    }
}
