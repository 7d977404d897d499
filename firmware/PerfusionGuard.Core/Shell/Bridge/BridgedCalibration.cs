using PerfusionGuard.Channels;
using PerfusionGuard.Safety;
using PerfusionGuard.Shell.Adapters;
using PerfusionGuard.Units;

namespace PerfusionGuard.Shell.Bridge
{
    /// <summary>
    /// The console's <see cref="ICalibrationControl"/> on the console thread. Zero, span and revert
    /// change what the cycle reads, so the safety thread carries them out (requests, with the
    /// stopped-pump check repeated there); the reply then shows the calibration the channel really
    /// has. Reading the calibration and committing it (a flash write, which must never delay a
    /// cycle) run here: a channel's calibration changes only through these requests, which the
    /// console waits for, so between requests nothing writes it (SAF-CON-012).
    /// </summary>
    public sealed class BridgedCalibration : ICalibrationControl
    {
        private readonly ModuleConsoleBridge _bridge;
        private readonly PressureCalibrationControl _channels;

        /// <summary>Calibration of <paramref name="channels"/> through <paramref name="bridge"/>.</summary>
        public BridgedCalibration(ModuleConsoleBridge bridge, PressureCalibrationControl channels)
        {
            _bridge = bridge;
            _channels = channels;
        }

        /// <inheritdoc />
        public bool IsCalibratable(ChannelId channel) => _channels.IsCalibratable(channel);

        /// <inheritdoc />
        public bool TryGetCalibration(ChannelId channel, out CalibrationView calibration) => _channels.TryGetCalibration(channel, out calibration);

        /// <inheritdoc />
        public bool TryZero(ChannelId channel, out string reason) =>
            Send(ConsoleRequestKind.CalibrationZero, channel, 0.0, out reason);

        /// <inheritdoc />
        public bool TrySpan(ChannelId channel, Pressure reference, out string reason) =>
            Send(ConsoleRequestKind.CalibrationSpan, channel, reference.MmHg, out reason);

        /// <inheritdoc />
        public bool HasUncommittedChanges => _channels.HasUncommittedChanges;

        /// <inheritdoc />
        public bool Commit(out string reason) => _channels.Commit(out reason);

        /// <inheritdoc />
        public void Revert()
        {
            string ignored;
            Send(ConsoleRequestKind.CalibrationRevert, ChannelId.PArterial, 0.0, out ignored);
        }

        private bool Send(ConsoleRequestKind kind, ChannelId channel, double referenceMmHg, out string reason)
        {
            bool done = _bridge.Request(kind, (int)channel, 0, 0, referenceMmHg, CommandSource.LocalConsole, _bridge.CommandMicros);
            reason = _bridge.LastReason;
            return done && _bridge.LastOk;
        }
    }
}
