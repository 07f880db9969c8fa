namespace StdGraph.Equivalents.Learning;

/// <summary>
/// Logistic regression over candidate features, fitted by Newton's method (iteratively reweighted least squares) on
/// log-loss with a small L2 penalty. Minimising log-loss is what makes its output usable as a probability; the
/// evaluation measures how well calibrated it is on held-out adoptions.
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

    public double Predict(IReadOnlyList<double> x) => Sigmoid(Logit(x));

    public double Logit(IReadOnlyList<double> x)
    {
        var z = Bias;
        for (var i = 0; i < Weights.Length; i++) z += Weights[i] * x[i];
        return z;
    }

    public static LogisticModel Fit(IReadOnlyList<(double[] X, bool Y)> examples, int features, double l2 = 1e-3, int iterations = 30)
    {
        var d = features + 1; // the last coefficient is the bias
        var beta = new double[d];
        if (examples.Count == 0) return new LogisticModel(new double[features], -3);
        var n = (double)examples.Count;
        var x = new double[d];
        for (var it = 0; it < iterations; it++)
        {
            var gradient = new double[d];
            var hessian = new double[d, d];
            foreach (var (features0, y) in examples)
            {
                Array.Copy(features0, x, features);
                x[features] = 1;
                var z = 0.0;
                for (var i = 0; i < d; i++) z += beta[i] * x[i];
                var p = Sigmoid(z);
                var error = p - (y ? 1 : 0);
                var weight = Math.Max(p * (1 - p), 1e-9);
                for (var i = 0; i < d; i++)
                {
                    if (x[i] == 0) continue;
                    gradient[i] += error * x[i];
                    for (var j = 0; j < d; j++) hessian[i, j] += weight * x[i] * x[j];
                }
            }

            for (var i = 0; i < d; i++)
            {
                gradient[i] /= n;
                for (var j = 0; j < d; j++) hessian[i, j] /= n;
                var penalty = i == features ? 1e-8 : l2;
                gradient[i] += penalty * beta[i];
                hessian[i, i] += penalty;
            }

            var step = Solve(hessian, gradient);
            var size = 0.0;
            for (var i = 0; i < d; i++)
            {
                beta[i] -= step[i];
                size = Math.Max(size, Math.Abs(step[i]));
            }

            if (size < 1e-7) break;
        }

        return new LogisticModel(beta[..features], beta[features]);
    }

    private static double Sigmoid(double z) => 1.0 / (1.0 + Math.Exp(-z));

    /// <summary>Gaussian elimination with partial pivoting (the system is small: one row per feature).</summary>
    private static double[] Solve(double[,] a, double[] b)
    {
        var n = b.Length;
        var m = (double[,])a.Clone();
        var v = (double[])b.Clone();
        for (var col = 0; col < n; col++)
        {
            var pivot = col;
            for (var r = col + 1; r < n; r++)
            {
                if (Math.Abs(m[r, col]) > Math.Abs(m[pivot, col])) pivot = r;
            }

            if (Math.Abs(m[pivot, col]) < 1e-12) continue;
            if (pivot != col)
            {
                for (var c = 0; c < n; c++) (m[col, c], m[pivot, c]) = (m[pivot, c], m[col, c]);
                (v[col], v[pivot]) = (v[pivot], v[col]);
            }

            for (var r = 0; r < n; r++)
            {
                if (r == col) continue;
                var factor = m[r, col] / m[col, col];
                if (factor == 0) continue;
                for (var c = col; c < n; c++) m[r, c] -= factor * m[col, c];
                v[r] -= factor * v[col];
            }
        }

        var x = new double[n];
        for (var i = 0; i < n; i++) x[i] = Math.Abs(m[i, i]) < 1e-12 ? 0 : v[i] / m[i, i];
        return x;
    }
}
