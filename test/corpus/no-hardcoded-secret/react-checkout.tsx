import { Elements } from '@stripe/react-stripe-js';
import { loadStripe } from '@stripe/stripe-js';
import { MapView } from './map-view';
import { Checkout } from './checkout';

const stripePromise = loadStripe('pk_test_CorpusFakePublishable0000000');

export function CheckoutPage() {
  return (
    <Elements stripe={stripePromise}>
      <MapView apiKey={import.meta.env.VITE_MAPS_KEY} zoom={12} />
      <Checkout
        apiKey="sk9Lq2Xw7Vr4Tn8Pz3Ym6Bd1" // expect: no-hardcoded-secret
        currency="eur"
      />
      <Checkout apiKey="<your-api-key>" currency="usd" />
      <input type="password" name="password" placeholder="Password" autoComplete="current-password" />
    </Elements>
  );
}
