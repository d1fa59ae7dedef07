import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderWithApp } from '../../../../test/render';
import { VariancePreview } from './VariancePreview';

describe('VariancePreview', () => {
  it('shows the variance of a count within 10% of the plan, without a warning', () => {
    renderWithApp(<VariancePreview planned={450} actual={495} uom="PCS" />);
    expect(screen.getByTestId('variance')).toHaveTextContent('Variance+10.0%45 PCS more than planned');
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(screen.queryByText(/More than 10%/)).not.toBeInTheDocument();
  });

  it('warns above 10%, both over and under the plan', () => {
    const { unmount } = renderWithApp(<VariancePreview planned={450} actual={496} uom="PCS" />);
    expect(screen.getByTestId('variance')).toHaveTextContent('+10.2%46 PCS more than planned');
    expect(screen.getByText('More than 10% away from the plan')).toBeInTheDocument();
    unmount();

    renderWithApp(<VariancePreview planned={400} actual={350} uom="PCS" />);
    expect(screen.getByTestId('variance')).toHaveTextContent('-12.5%50 PCS fewer than planned');
    expect(screen.getByText('More than 10% away from the plan')).toBeInTheDocument();
  });

  it('says when the count is exactly the plan, and stays quiet without a count', () => {
    const { unmount } = renderWithApp(<VariancePreview planned={12} actual={12} uom="PCS" />);
    expect(screen.getByTestId('variance')).toHaveTextContent('0.0%exactly as planned');
    unmount();

    renderWithApp(<VariancePreview planned={12} actual={Number.NaN} uom="PCS" />);
    expect(screen.queryByTestId('variance')).not.toBeInTheDocument();
  });
});
