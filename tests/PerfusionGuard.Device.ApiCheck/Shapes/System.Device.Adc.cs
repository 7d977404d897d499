// API shape of nanoFramework.System.Device.Adc (assembly System.Device.Adc): declarations only,
// for the host compile check of firmware/PerfusionGuard.Device (see ../README.md). Nothing here runs.
// Confirmed against nanoframework/System.Device.Adc:
//   System.Device.Adc/AdcController.cs (commit 46bf96286b9e0103f3901ab936a15aafa7d78355)
//   System.Device.Adc/AdcChannel.cs    (commit 2199e06eda009e14fe21e3da4cd850ac95e5f27d)
// Simplified: AdcChannel derives from AdcChannelBase there (ReadValue is an override); the base
// class and its ReadRatio() (listed in NANO-PLATFORM.md) were not read: unconfirmed, not declared.
// AdcController.ChannelMode / IsChannelModeSupported (AdcChannelMode) are left out.
using System;

namespace System.Device.Adc
{
    /// <summary>AdcController.cs: the system's ADC.</summary>
    public sealed class AdcController
    {
        /// <summary>AdcController() — confirmed.</summary>
        public AdcController() { throw new NotSupportedException(); }

        /// <summary>int ChannelCount { get; } — confirmed.</summary>
        public int ChannelCount { get { throw new NotSupportedException(); } }

        /// <summary>int MaxValue { get; } — confirmed.</summary>
        public int MaxValue { get { throw new NotSupportedException(); } }

        /// <summary>int MinValue { get; } — confirmed.</summary>
        public int MinValue { get { throw new NotSupportedException(); } }

        /// <summary>int ResolutionInBits { get; } — confirmed.</summary>
        public int ResolutionInBits { get { throw new NotSupportedException(); } }

        /// <summary>AdcChannel OpenChannel(Int32 channelNumber) — confirmed.</summary>
        public AdcChannel OpenChannel(int channelNumber) { throw new NotSupportedException(); }
    }

    /// <summary>AdcChannel.cs: one channel (internal constructor).</summary>
    public class AdcChannel : IDisposable
    {
        private AdcChannel() { }

        /// <summary>int ReadValue() — confirmed (one blocking conversion under a lock).</summary>
        public int ReadValue() { throw new NotSupportedException(); }

        /// <summary>void Dispose() — confirmed.</summary>
        public void Dispose() { throw new NotSupportedException(); }
    }
}
