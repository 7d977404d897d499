using System.Device.Adc;
using PerfusionGuard.Hal;

namespace PerfusionGuard.Device.Hal
{
    /// <summary>
    /// One ADC channel on System.Device.Adc. Each ReadCounts is one blocking one-shot conversion
    /// (tens of µs, with jitter, NANO-PLATFORM.md); oversampling and averaging are the channels'
    /// job, so that the emulator's channels do exactly the same. API: nanoframework/System.Device.Adc,
    /// AdcController.OpenChannel(int), AdcController.MaxValue, AdcChannel.ReadValue().
    /// </summary>
    public sealed class AdcAnalogInput : IAnalogInput
    {
        private readonly AdcChannel _channel;
        private readonly int _maxCounts;

        /// <summary>Opens nanoFramework ADC channel <paramref name="adcChannel"/> (board.json adc_channel).</summary>
        public AdcAnalogInput(AdcController controller, int adcChannel)
        {
            _channel = controller.OpenChannel(adcChannel);
            _maxCounts = controller.MaxValue;
        }

        /// <inheritdoc />
        public int MaxCounts => _maxCounts;

        /// <inheritdoc />
        public int ReadCounts()
        {
            return _channel.ReadValue();
        }
    }
}
